/**
 * Chooses the database server: DATABASE_URL when set, else the embedded PostgreSQL.
 * Used by the scripts (start, migrate, ingest, tests), never by request handlers.
 */
import path from "node:path";
import pg from "pg";
import { env } from "../env";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { projectRoot } from "./paths";
import { grantAppPrivileges, roleOf } from "./roles";

export const DEFAULT_DATABASE = "policy_explorer";

export interface DatabaseHandle {
  /** The schema owner's URL: setup, migrations, ingest, linking and the operator's scripts. */
  url: string;
  /** What the web server connects as: the least-privileged application role when there is one. */
  appUrl: string;
  /** The application role granted its privileges here, or null when `url` is used for everything. */
  appRole: string | null;
  embedded: boolean;
  release(): Promise<void>;
}

export function embeddedRootDir(): string {
  return env.EMBEDDED_PG_DIR ? path.resolve(env.EMBEDDED_PG_DIR) : path.join(projectRoot, ".data", "postgres");
}

/** Replaces the database name of a connection URL. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}

/** Creates the database named in `url` when it does not exist yet (connecting to `postgres` on the same server). */
export async function createDatabaseIfMissing(url: string): Promise<void> {
  const name = databaseName(url);
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) {
      const quoted = `"${name.replace(/"/g, '""')}"`;
      // template0 + explicit encoding: the external server's template1 may use another locale.
      await admin
        .query(`create database ${quoted} template template0 encoding 'UTF8'`)
        .catch((error: { code?: string }) => {
          if (error.code !== "42P04") throw error; // created concurrently by another process
        });
    }
  } finally {
    await admin.end();
  }
}

export async function dropDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name.replace(/"/g, '""')}" with (force)`);
  } finally {
    await admin.end();
  }
}

/** Resolves the server to use and makes sure the application's database exists on it. */
export async function ensureDatabase(
  options: { log?: (m: string) => void; database?: string } = {},
): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) {
    const named = (u: string) => (options.database ? withDatabase(u, options.database) : u);
    const url = named(env.DATABASE_ADMIN_URL ?? env.DATABASE_URL);
    const appUrl = named(env.DATABASE_URL);
    const appRole = roleOf(appUrl) === roleOf(url) ? null : roleOf(appUrl);
    await createDatabaseIfMissing(url);
    if (appRole) await grantAppPrivileges(url, appRole);
    return { url, appUrl, appRole, embedded: false, release: async () => undefined };
  }
  const server = await startEmbeddedPostgres({ rootDir: embeddedRootDir(), log: options.log });
  const database = options.database ?? DEFAULT_DATABASE;
  const url = `${server.baseUrl}/${database}`;
  try {
    await createDatabaseIfMissing(url);
    await grantAppPrivileges(url, server.appRole);
  } catch (error) {
    await server.release();
    throw error;
  }
  return {
    url,
    appUrl: `${server.appBaseUrl}/${database}`,
    appRole: server.appRole,
    embedded: true,
    release: () => server.release(),
  };
}
