/**
 * A fresh, migrated database for one test run: on TEST_DATABASE_URL's server when set, else on the
 * embedded PostgreSQL. Dropped afterwards.
 */
import crypto from "node:crypto";
import pg from "pg";
import { env } from "../../lib/env";
import { createDatabaseIfMissing, dropDatabase, withDatabase } from "../../lib/infra/database";
import { startEmbeddedPostgres } from "../../lib/infra/embedded-postgres";
import { embeddedRootDir } from "../../lib/infra/database";
import { grantAppPrivileges } from "../../lib/infra/roles";
import { applyMigrations } from "../../lib/infra/schema-engine";

async function withClient<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

export interface TestDatabase {
  /** The superuser's URL (setup, migrations, ingest, the tests themselves). */
  url: string;
  /**
   * What a web server under test connects as: the embedded server's application role, granted the
   * same privileges as in production; on an external TEST_DATABASE_URL server, `url` itself.
   */
  appUrl: string;
  embedded: boolean;
  dispose(): Promise<void>;
}

export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${crypto.randomBytes(3).toString("hex")}`;
  let base: string;
  let appBase: string;
  let appRole: string | null = null;
  let release = async () => undefined as void;
  const embedded = !env.TEST_DATABASE_URL;
  if (env.TEST_DATABASE_URL) {
    base = appBase = env.TEST_DATABASE_URL;
  } else {
    const server = await startEmbeddedPostgres({ rootDir: embeddedRootDir() });
    base = server.baseUrl;
    appBase = server.appBaseUrl;
    appRole = server.appRole;
    release = () => server.release();
  }
  const url = withDatabase(base, name);
  await createDatabaseIfMissing(url);
  // A test database is dropped after the run: losing its last commits in a crash costs nothing,
  // and waiting for each commit's flush would slow every ingest the tests run.
  await withClient(url, (c) => c.query(`ALTER DATABASE "${name}" SET synchronous_commit = off`));
  await applyMigrations(url);
  if (appRole) await grantAppPrivileges(url, appRole);
  return {
    url,
    appUrl: withDatabase(appBase, name),
    embedded,
    async dispose() {
      await dropDatabase(url).catch(() => undefined);
      await release();
    },
  };
}
