/**
 * Migrations as every script runs them: a snapshot of the editorial data first when a migration
 * is pending, then Prisma's migrations through the wasm engine, then the application role's
 * grants (default privileges cover new tables; this also covers the migration history table and
 * databases migrated before the role existed).
 */
import pg from "pg";
import { takeSnapshot } from "../data/snapshots";
import type { DatabaseHandle } from "./database";
import { listMigrationFolders } from "./migration-folders";
import { grantAppPrivileges } from "./roles";
import { applyMigrations } from "./schema-engine";

/** Migration folders not yet applied to the database at `url` (none when it was never migrated). */
export async function pendingMigrations(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const present = await client.query<{ ok: boolean }>(
      "select to_regclass('public._prisma_migrations') is not null as ok",
    );
    if (!present.rows[0]?.ok) return [];
    const { rows } = await client.query<{ name: string }>(
      "select migration_name as name from _prisma_migrations where finished_at is not null and rolled_back_at is null",
    );
    const applied = new Set(rows.map((r) => r.name));
    return listMigrationFolders().filter((f) => !applied.has(f));
  } finally {
    await client.end();
  }
}

export async function migrate(
  db: Pick<DatabaseHandle, "url" | "appRole">,
  log: (m: string) => void = () => undefined,
): Promise<string[]> {
  if ((await pendingMigrations(db.url)).length) await takeSnapshot(db.url, "migration", { log, skipEmpty: true });
  const applied = await applyMigrations(db.url);
  if (db.appRole) await grantAppPrivileges(db.url, db.appRole);
  return applied;
}
