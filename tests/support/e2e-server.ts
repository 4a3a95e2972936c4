/**
 * The server the end-to-end tests drive: a fresh database with the real corpus, the production
 * build (rebuilt when stale) served by `next start`.
 */
import { ensureBuild, serveNext } from "../../lib/infra/processes";
import { ensureCorpusLoaded } from "../../lib/ingest/run";
import { runLinker } from "../../lib/data/link-run";
import { createTestDatabase } from "./test-database";

const port = process.argv[2] ?? "3100";
const log = (m: string) => console.log(`[e2e-server] ${m}`);
const db = await createTestDatabase("e2e");
try {
  await ensureCorpusLoaded(db.url, log);
  await runLinker({ url: db.url, log });
  await ensureBuild(log);
} catch (error) {
  console.error(error);
  await db.dispose();
  process.exit(1);
}
serveNext({
  mode: "start",
  port,
  host: "127.0.0.1",
  databaseUrl: db.url,
  embedded: db.embedded,
  cleanup: () => db.dispose(),
});
