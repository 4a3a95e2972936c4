/**
 * The server the end-to-end tests drive: a fresh database with the real corpus, the production
 * build (rebuilt when stale) served by `next start`.
 */
import { spawn } from "node:child_process";
import { childEnv } from "../../lib/env";
import { projectRoot } from "../../lib/infra/paths";
import { bin, ensureBuild, serveNext, startNext } from "../../lib/infra/processes";
import { ensureCorpusLoaded } from "../../lib/ingest/run";
import { runLinker } from "../../lib/data/link-run";
import { E2E_EDITOR } from "./e2e-editor";
import { createTestDatabase } from "./test-database";

const port = process.argv[2] ?? "3100";
const log = (m: string) => console.log(`[e2e-server] ${m}`);

/** The curation test's editor, made as an operator would: scripts/editor-add.ts with the password on stdin. */
function addEditor(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin("tsx"), ["scripts/editor-add.ts", E2E_EDITOR.name], {
      cwd: projectRoot,
      env: childEnv({ DATABASE_URL: url }),
      stdio: ["pipe", "inherit", "inherit"],
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`editor-add exited with ${code}`))));
    child.stdin.end(`${E2E_EDITOR.password}\n`);
  });
}

const db = await createTestDatabase("e2e");
try {
  await ensureCorpusLoaded(db.url, log);
  await runLinker({ url: db.url, log });
  await addEditor(db.url);
  await ensureBuild(log);
} catch (error) {
  console.error(error);
  await db.dispose();
  process.exit(1);
}
// A second instance on the same database, as behind a load balancer: the multi-instance test
// writes through one and reads through the other (sessions, cached reads and limits must agree).
const second = startNext(
  { mode: "start", port: String(Number(port) + 1), host: "127.0.0.1", databaseUrl: db.appUrl, embedded: db.embedded },
  "ignore",
);
serveNext({
  mode: "start",
  port,
  host: "127.0.0.1",
  // As in production: the web server connects as the least-privileged application role.
  databaseUrl: db.appUrl,
  embedded: db.embedded,
  cleanup: async () => {
    second.kill("SIGTERM");
    await db.dispose();
  },
});
