/**
 * npm run curation:import -- <file>   loads a curation export: validated, idempotent, all or
 *                                     nothing; then re-anchors and reports what moved or orphaned
 */
import fs from "node:fs";
import { CurationImportError, importCuration } from "../lib/data/curation-transfer";
import { ensureDatabase } from "../lib/infra/database";
import { createPrismaClient } from "../lib/infra/prisma-client";
import { migrate } from "../lib/infra/migrate";

const file = process.argv[2];
const log = (m: string) => console.log(`[curation] ${m}`);
if (!file) {
  console.error("Usage: npm run curation:import -- <file.json>");
  process.exit(2);
}
let input: unknown;
try {
  input = JSON.parse(fs.readFileSync(file, "utf8"));
} catch (error) {
  console.error(`Cannot read ${file} as JSON: ${(error as Error).message}`);
  process.exit(2);
}

const db = await ensureDatabase({ log });
const prisma = createPrismaClient(db.url, 2);
try {
  await migrate(db, log);
  const r = await importCuration(prisma, input);
  log(
    `Links: ${r.links.created} new, ${r.links.updated} updated, ${r.links.unchanged} unchanged` +
      (r.links.replacedSuggestions ? `, ${r.links.replacedSuggestions} machine suggestions replaced` : "") +
      `. Events: ${r.events.created} new, ${r.events.unchanged} already present.`,
  );
  log(
    `Anchoring on this corpus: ${r.anchoring.resolved} in place, ${r.anchoring.moved} moved with their passages, ` +
      `${r.anchoring.orphaned.length} orphaned (see /editor).`,
  );
  for (const o of r.anchoring.orphaned.slice(0, 20)) log(`  orphaned ${o.id}: ${o.reason}`);
  log(
    `Topic decisions: ${r.topics.created} new, ${r.topics.updated} updated, ${r.topics.unchanged} unchanged; ` +
      `${r.topics.events} new events; ${r.topics.orphaned} orphaned (their document is not in this corpus).`,
  );
} catch (error) {
  console.error(error instanceof CurationImportError ? `Import failed, nothing was written: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
  await db.release();
}
