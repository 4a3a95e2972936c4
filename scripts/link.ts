/**
 * npm run link             re-anchor links, and link again if the corpus or the linker changed
 * npm run link -- --force  link every document again (decided links are never changed)
 */
import { runLinker } from "../lib/data/link-run";
import { ensureDatabase } from "../lib/infra/database";
import { migrate } from "../lib/infra/migrate";

const force = process.argv.includes("--force");
const log = (m: string) => console.log(`[link] ${m}`);

const db = await ensureDatabase({ log });
try {
  await migrate(db, log);
  const report = await runLinker({ url: db.url, force, log });
  if (!report.saved) log("Links are up to date with the corpus and the linker (use --force to link again).");
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await db.release();
}
