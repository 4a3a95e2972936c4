/**
 * npm start / npm run dev: database → migrations → corpus → build (when stale) → Next server.
 * Environment: DATABASE_URL (else embedded PostgreSQL), PORT (default 3000).
 */
import { env } from "../lib/env";
import { ensureDatabase } from "../lib/infra/database";
import { ensureBuild, serveNext } from "../lib/infra/processes";
import { applyMigrations } from "../lib/infra/schema-engine";
import { ensureCorpusLoaded } from "../lib/ingest/run";
import { runLinker } from "../lib/data/link-run";

const dev = process.argv.includes("--dev");
const log = (m: string) => console.log(`[start] ${m}`);
const t0 = Date.now();

const db = await ensureDatabase({ log });
try {
  log(
    `Database: ${db.embedded ? "embedded PostgreSQL" : "DATABASE_URL"} (${new URL(db.url).host}${new URL(db.url).pathname})`,
  );
  const applied = await applyMigrations(db.url);
  log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Migrations up to date.");
  await ensureCorpusLoaded(db.url, log);
  await runLinker({ url: db.url, log });
  if (!dev) await ensureBuild(log);
} catch (error) {
  console.error(`[start] ${(error as Error).message}`);
  await db.release();
  process.exit(1);
}

log(`Ready to serve after ${((Date.now() - t0) / 1000).toFixed(1)} s; starting Next on http://localhost:${env.PORT}`);
serveNext({
  mode: dev ? "dev" : "start",
  port: String(env.PORT),
  databaseUrl: db.url,
  embedded: db.embedded,
  cleanup: () => db.release(),
});
