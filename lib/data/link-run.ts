/**
 * The linker's run: when the corpus changed since the last run, re-anchor every link to the corpus
 * as it is now; then — when the corpus or the linker changed, or when forced — link every
 * document again and store the suggestions. Used at the end of ingest, by `npm start`, by
 * `npm run link` and by test setups.
 */
import { createPrismaClient } from "../infra/prisma-client";
import { LINKER_METHOD, LINKER_VERSION, linkCorpus } from "../linking/linker";
import {
  corpusStamp,
  latestLinkRun,
  loadLinkerInput,
  reanchorLinks,
  saveLinkerResult,
  type ReanchorCounts,
  type SaveCounts,
} from "./link-store";
import { runTopicAssignment } from "./topics-run";

export interface LinkRunReport {
  reanchor: ReanchorCounts;
  /** Null when the last run already covered this corpus with this linker. */
  saved: SaveCounts | null;
  documents: number;
  links: number;
  seconds: { load: number; link: number; save: number };
}

export async function runLinker(options: {
  url: string;
  force?: boolean;
  log?: (m: string) => void;
}): Promise<LinkRunReport> {
  const log = options.log ?? (() => undefined);
  const db = createPrismaClient(options.url, 2);
  try {
    const [stamp, last] = await Promise.all([corpusStamp(db), latestLinkRun(db)]);
    // The corpus rows links point at change only with a source's file or parser; when neither
    // changed since the last run, re-anchoring (a fingerprint of every paragraph) is skipped:
    // it would cost every start seconds at a larger corpus, for nothing.
    const corpusChanged = !last || last.corpusStamp !== stamp;
    const reanchor =
      corpusChanged || options.force ? await reanchorLinks(db) : { unchanged: 0, moved: 0, orphaned: 0, restored: 0 };
    if (reanchor.moved || reanchor.orphaned || reanchor.restored) {
      log(
        `Links re-anchored: ${reanchor.unchanged} unchanged, ${reanchor.moved} moved with their passages, ` +
          `${reanchor.restored} found again, ${reanchor.orphaned} orphaned (kept for an editor).`,
      );
    }
    const current = !corpusChanged && last.method === LINKER_METHOD && last.version === LINKER_VERSION;
    const seconds = { load: 0, link: 0, save: 0 };
    if (current && !options.force) {
      // Topics read the links: they follow every linker run (and run only when something changed).
      await runTopicAssignment(db, { log });
      return { reanchor, saved: null, documents: 0, links: 0, seconds };
    }
    const startedAt = new Date();
    let t = performance.now();
    const input = await loadLinkerInput(db);
    seconds.load = (performance.now() - t) / 1000;
    log(
      `Linking ${input.documents.length} documents to ${input.nodes.length} plan nodes (${LINKER_METHOD}@${LINKER_VERSION}) …`,
    );
    t = performance.now();
    const result = linkCorpus(input.documents, input.nodes);
    seconds.link = (performance.now() - t) / 1000;
    log(`  scored in ${seconds.link.toFixed(1)} s: ${result.links.length} suggested links; saving …`);
    t = performance.now();
    const saved = await saveLinkerResult(db, input, result, { corpusStamp: stamp, startedAt });
    seconds.save = (performance.now() - t) / 1000;
    log(
      `  saved in ${seconds.save.toFixed(1)} s: ${saved.created} new, ${saved.updated} updated, ${saved.removed} removed; ` +
        `${saved.kept} decided by editors left as they are.`,
    );
    await runTopicAssignment(db, { force: options.force, log });
    return { reanchor, saved, documents: input.documents.length, links: result.links.length, seconds };
  } finally {
    await db.$disconnect();
  }
}
