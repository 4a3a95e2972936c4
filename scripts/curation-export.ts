/**
 * npm run curation:export -- [file]   writes every editorial link, its anchors and evidence, and the
 *                                     whole audit history as JSON (to stdout without a file)
 */
import fs from "node:fs";
import { exportCuration } from "../lib/data/curation-transfer";
import { ensureDatabase } from "../lib/infra/database";
import { createPrismaClient } from "../lib/infra/prisma-client";
import { migrate } from "../lib/infra/migrate";

const out = process.argv[2];
const log = (m: string) => console.error(`[curation] ${m}`);

const db = await ensureDatabase({ log });
const prisma = createPrismaClient(db.url, 2);
try {
  await migrate(db, log);
  const file = await exportCuration(prisma);
  const json = `${JSON.stringify(file, null, 2)}\n`;
  if (out) {
    // Written beside, then renamed: a crash never leaves half a backup under the real name.
    fs.writeFileSync(`${out}.partial`, json, { mode: 0o600 });
    fs.renameSync(`${out}.partial`, out);
    log(
      `Wrote ${file.links.length} links and ${file.events.length} events, ${file.topicDecisions.length} topic decisions and ${file.topicEvents.length} topic events to ${out}.`,
    );
  } else {
    process.stdout.write(json);
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
  await db.release();
}
