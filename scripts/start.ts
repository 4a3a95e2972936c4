/**
 * npm start / npm run dev: database → migrations → corpus → build (when stale) → Next server.
 * Environment: DATABASE_URL (else embedded PostgreSQL), PORT (default 3000).
 */
import { spawn } from "node:child_process";
import { childEnv, env } from "../lib/env";
import { isBuildCurrent, sourceStamp, writeBuildStamp } from "../lib/infra/build-stamp";
import { ensureDatabase } from "../lib/infra/database";
import { bin, runCommand, superviseChild } from "../lib/infra/processes";
import { applyMigrations } from "../lib/infra/schema-engine";
import { ensureCorpusLoaded } from "../lib/ingest/run";

const dev = process.argv.includes("--dev");
const log = (m: string) => console.log(`[start] ${m}`);
const t0 = Date.now();

const db = await ensureDatabase({ log });
try {
  log(`Database: ${db.embedded ? "embedded PostgreSQL" : "DATABASE_URL"} (${new URL(db.url).host}${new URL(db.url).pathname})`);
  const applied = await applyMigrations(db.url);
  log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Migrations up to date.");
  await ensureCorpusLoaded(db.url, log);

  if (!dev) {
    const stamp = sourceStamp();
    if (isBuildCurrent(stamp)) {
      log("Build is current.");
    } else {
      log("Building the app (next build) …");
      await runCommand(bin("next"), ["build"], childEnv({ NEXT_TELEMETRY_DISABLED: "1" }));
      writeBuildStamp(stamp);
    }
  }
} catch (error) {
  console.error(`[start] ${(error as Error).message}`);
  await db.release();
  process.exit(1);
}

log(`Ready to serve after ${((Date.now() - t0) / 1000).toFixed(1)} s; starting Next on http://localhost:${env.PORT}`);
const child = spawn(bin("next"), [dev ? "dev" : "start", "-p", String(env.PORT)], {
  stdio: "inherit",
  env: childEnv({ DATABASE_URL: db.url, APP_DATABASE_EMBEDDED: db.embedded ? "1" : "0", NEXT_TELEMETRY_DISABLED: "1" }),
});
superviseChild(child, () => db.release());
