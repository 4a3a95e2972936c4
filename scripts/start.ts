/**
 * npm start / npm run dev: database → migrations → corpus → build (when stale) → Next server.
 * Environment: DATABASE_URL (else embedded PostgreSQL), PORT (default 3000).
 * The Next server connects as the application role; setup, migrations and ingest run as the
 * schema's owner. While it serves, this process snapshots the editorial data daily.
 */
import { env } from "../lib/env";
import { ensureDatabase } from "../lib/infra/database";
import { migrate } from "../lib/infra/migrate";
import { ensureBuild, serveNext } from "../lib/infra/processes";
import { ensureCorpusLoaded } from "../lib/ingest/run";
import { runLinker } from "../lib/data/link-run";
import { scheduleSnapshots, takeSnapshot } from "../lib/data/snapshots";

const dev = process.argv.includes("--dev");
const log = (m: string) => console.log(`[start] ${m}`);
const t0 = Date.now();

const db = await ensureDatabase({ log });
try {
  log(
    `Database: ${db.embedded ? "embedded PostgreSQL" : "DATABASE_URL"} (${new URL(db.url).host}${new URL(db.url).pathname})`,
  );
  const applied = await migrate(db, log);
  log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Migrations up to date.");
  await ensureCorpusLoaded(db.url, log, () => takeSnapshot(db.url, "ingest", { log, skipEmpty: true }));
  await runLinker({ url: db.url, log });
  if (!dev) await ensureBuild(log);
} catch (error) {
  console.error(`[start] ${(error as Error).message}`);
  await db.release();
  process.exit(1);
}

log(`Ready to serve after ${((Date.now() - t0) / 1000).toFixed(1)} s; starting Next on http://localhost:${env.PORT}`);
scheduleSnapshots(db.url, { log });
serveNext({
  mode: dev ? "dev" : "start",
  port: String(env.PORT),
  databaseUrl: db.appUrl,
  embedded: db.embedded,
  cleanup: () => db.release(),
});
