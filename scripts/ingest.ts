/**
 * npm run ingest            load new or changed sources of data/corpus/manifest.json
 * npm run ingest -- --check parse only, print what each source yields
 * npm run ingest -- --force reload every source
 */
import { ensureDatabase } from "../lib/infra/database";
import { migrate } from "../lib/infra/migrate";
import { formatReport, IngestError, runIngest } from "../lib/ingest/run";
import { takeSnapshot } from "../lib/data/snapshots";
import { runLinker } from "../lib/data/link-run";

const check = process.argv.includes("--check");
const force = process.argv.includes("--force");
const log = (m: string) => console.log(`[ingest] ${m}`);

try {
  if (check) {
    console.log(formatReport(await runIngest({ check: true })));
  } else {
    const db = await ensureDatabase({ log });
    try {
      await migrate(db, log);
      const beforeWrite = () => takeSnapshot(db.url, "ingest", { log, skipEmpty: true });
      console.log(formatReport(await runIngest({ url: db.url, force, log, beforeWrite })));
      await runLinker({ url: db.url, log: (m) => console.log(`[link] ${m}`) });
    } finally {
      await db.release();
    }
  }
} catch (error) {
  console.error(error instanceof IngestError ? `Ingest failed, nothing was written: ${error.message}` : error);
  process.exitCode = 1;
}
