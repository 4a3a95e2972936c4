/**
 * The server the end-to-end tests drive: a fresh database with the real corpus, the production
 * build (rebuilt when stale) served by `next start`.
 */
import { spawn } from "node:child_process";
import { childEnv } from "../../lib/env";
import { isBuildCurrent, sourceStamp, writeBuildStamp } from "../../lib/infra/build-stamp";
import { bin, runCommand, superviseChild } from "../../lib/infra/processes";
import { ensureCorpusLoaded } from "../../lib/ingest/run";
import { createTestDatabase } from "./test-database";

const port = process.argv[2] ?? "3100";
const log = (m: string) => console.log(`[e2e-server] ${m}`);
const db = await createTestDatabase("e2e");
try {
  await ensureCorpusLoaded(db.url, log);
  const stamp = sourceStamp();
  if (!isBuildCurrent(stamp)) {
    log("Building the app …");
    await runCommand(bin("next"), ["build"], childEnv({ NEXT_TELEMETRY_DISABLED: "1" }));
    writeBuildStamp(stamp);
  }
} catch (error) {
  console.error(error);
  await db.dispose();
  process.exit(1);
}
const child = spawn(bin("next"), ["start", "-p", port, "-H", "127.0.0.1"], {
  stdio: "inherit",
  env: childEnv({ DATABASE_URL: db.url, APP_DATABASE_EMBEDDED: db.embedded ? "1" : "0", NEXT_TELEMETRY_DISABLED: "1" }),
});
superviseChild(child, () => db.dispose());
