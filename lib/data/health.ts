import "server-only";
import { rawQuery } from "../db";
import { env } from "../env";
import { listMigrationFolders } from "../infra/migration-folders";
import { databaseKnownDown, noteDatabaseFailure, withDeadline } from "./availability";

export interface Health {
  status: "ok" | "degraded" | "unavailable";
  database: { reachable: boolean; embedded: boolean; serverVersion: string | null };
  migrations: { applied: number; pending: number };
}

/** Health answers within this, whatever the database does (stopped, frozen, overloaded). */
const HEALTH_DEADLINE_MS = 1_500;

export async function getHealth(): Promise<Health> {
  const embedded = env.APP_DATABASE_EMBEDDED === "1";
  const folders = listMigrationFolders();
  const unavailable: Health = {
    status: "unavailable",
    database: { reachable: false, embedded, serverVersion: null },
    migrations: { applied: 0, pending: folders.length },
  };
  // A failure seen in the last second is the answer (and is not renewed by answering from it, or
  // polling health would keep the database "down" for ever); otherwise ask, within the deadline.
  if (databaseKnownDown()) return unavailable;
  try {
    return await withDeadline(readHealth(embedded, folders), HEALTH_DEADLINE_MS);
  } catch (error) {
    // A frozen database never answers: tell the rest of the server, which has not noticed yet.
    noteDatabaseFailure(error);
    return unavailable;
  }
}

async function readHealth(embedded: boolean, folders: string[]): Promise<Health> {
  const [version] = await rawQuery<{ server_version: string }>("show server_version");
  // A database that was never migrated has no _prisma_migrations table: everything is pending.
  const applied = await rawQuery<{ migration_name: string }>(
    "select migration_name from _prisma_migrations where finished_at is not null and rolled_back_at is null",
  ).catch(() => []);
  const appliedNames = new Set(applied.map((r) => r.migration_name));
  const pending = folders.filter((f) => !appliedNames.has(f)).length;
  return {
    status: pending === 0 ? "ok" : "degraded",
    database: { reachable: true, embedded, serverVersion: version?.server_version ?? null },
    migrations: { applied: appliedNames.size, pending },
  };
}
