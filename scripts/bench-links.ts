/**
 * npm run bench:links — the linker's time, and the latency of what readers open to see links,
 * on the real corpus and on a synthetic corpus ×100 (in a scratch database, made here and dropped
 * afterwards; never committed).
 *
 * - Linking: loadLinkerInput → linkCorpus → saveLinkerResult (what `npm run link -- --force` runs),
 *   timed from an empty link table, on the real corpus and on its documents copied `--link-times`
 *   times (default 100, about 75 s of the run on 2 cores; --link-times=10 for a shorter run, whose
 *   ×100 time is then extrapolated).
 * - Pages: every document's reading page (with its 对应规划目标 panel) and /coverage, served by the
 *   app's own `next start` on that database, as bench:search does; beside them the JSON API that
 *   answers the same questions. Sequential, one client, a warm-up pass first.
 *
 * The ×100 corpus copies documents (speakers, paragraphs with their search columns) but not the
 * plan: a corpus grows by documents, and the linker links them to the one plan. The copies beyond
 * those the linker ran on get their original's links (the linker is deterministic and copies are
 * identical, so it would find the same), so every page at ×100 has its panel filled.
 *
 *   npm run bench:links -- [--rounds=5] [--times=100] [--link-times=100]
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { corpusStamp, loadLinkerInput, saveLinkerResult } from "../lib/data/link-store";
import { createDatabaseIfMissing, dropDatabase, ensureDatabase, withDatabase } from "../lib/infra/database";
import { ensureBuild } from "../lib/infra/processes";
import { percentiles, withServer, type Percentiles } from "../lib/infra/bench";
import { createPrismaClient, type PrismaClient } from "../lib/infra/prisma-client";
import { applyMigrations } from "../lib/infra/schema-engine";
import { runIngest } from "../lib/ingest/run";
import { LINKER_METHOD, LINKER_VERSION, linkCorpus } from "../lib/linking/linker";
import { documentUrl } from "../lib/urls";

const { values: args } = parseArgs({
  options: {
    rounds: { type: "string", default: "5" },
    times: { type: "string", default: "100" },
    "link-times": { type: "string", default: "100" },
  },
});
const ROUNDS = Number(args.rounds);
const TIMES = Number(args.times);
const LINK_TIMES = Math.min(Number(args["link-times"]), TIMES);
/** /coverage is one page, cheap to ask often: more samples for stable percentiles. */
const COVERAGE_ROUNDS = ROUNDS * 6;
if (![ROUNDS, TIMES, LINK_TIMES].every((n) => Number.isInteger(n) && n >= 1)) {
  throw new Error("--rounds, --times and --link-times must be whole numbers ≥ 1");
}

const log = (m: string) => console.error(`[bench:links] ${m}`);

interface LinkTiming {
  documents: number;
  nodes: number;
  links: number;
  load: number;
  score: number;
  save: number;
}

/** One linker run from an empty link table, timed in its three steps (seconds). */
async function timeLinking(db: PrismaClient): Promise<LinkTiming> {
  await db.linkEvidence.deleteMany();
  await db.link.deleteMany();
  await db.linkRun.deleteMany();
  const startedAt = new Date();
  const stamp = await corpusStamp(db);
  let t = performance.now();
  const input = await loadLinkerInput(db);
  const load = (performance.now() - t) / 1000;
  log(`  linking ${input.documents.length} documents to ${input.nodes.length} plan nodes …`);
  t = performance.now();
  const result = linkCorpus(input.documents, input.nodes);
  const score = (performance.now() - t) / 1000;
  t = performance.now();
  const saved = await saveLinkerResult(db, input, result, { corpusStamp: stamp, startedAt });
  const save = (performance.now() - t) / 1000;
  if (saved.updated || saved.kept) throw new Error("the linker run did not start from an empty link table");
  return {
    documents: input.documents.length,
    nodes: input.nodes.length,
    links: result.links.length,
    load,
    score,
    save,
  };
}

/** An original document, not one of the copies made here. */
const ORIGINAL = `"documentId" !~ '-x[0-9]+$'`;

/** Copies every original document (speakers, paragraphs with their search columns) as copies from..to-1. */
async function copyDocuments(db: PrismaClient, from: number, to: number) {
  if (from >= to) return;
  await db.$executeRawUnsafe(`
    INSERT INTO "Document" (id, "sourceId", kind, ordinal, title, subtitle, date, "authoringOffice", "lineStart", "lineEnd")
    SELECT d.id || '-x' || k, d."sourceId", d.kind, d.ordinal + 1000 * k, d.title, d.subtitle, d.date, d."authoringOffice", d."lineStart", d."lineEnd"
    FROM "Document" d CROSS JOIN generate_series(${from}, ${to - 1}) k WHERE d.id !~ '-x[0-9]+$'`);
  await db.$executeRawUnsafe(`
    INSERT INTO "DocumentPerson" ("documentId", "personId", position, role, affiliation)
    SELECT dp."documentId" || '-x' || k, dp."personId", dp.position, dp.role, dp.affiliation
    FROM "DocumentPerson" dp CROSS JOIN generate_series(${from}, ${to - 1}) k WHERE dp.${ORIGINAL}`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Paragraph" (id, "documentId", n, text, "headingLevel", "lineStart", "lineEnd", "searchTitle", "searchHeading", "searchBody", "normText", "searchContext")
    SELECT p.id || '-x' || k, p."documentId" || '-x' || k, p.n, p.text, p."headingLevel", p."lineStart", p."lineEnd",
           p."searchTitle", p."searchHeading", p."searchBody", p."normText", p."searchContext"
    FROM "Paragraph" p CROSS JOIN generate_series(${from}, ${to - 1}) k WHERE p."documentId" IS NOT NULL AND p.${ORIGINAL}`);
}

/** Gives copies from..to-1 their original's links and evidence (ids suffixed like the copies'). */
async function copyLinks(db: PrismaClient, from: number, to: number) {
  if (from >= to) return;
  await db.$executeRawUnsafe(`
    INSERT INTO "Link" (id, "documentId", "documentSourceId", "documentTitle", "planId", "planPath", "planNodeTitle", "targetKey",
                        "targetId", "targetText", origin, status, "orphanedAt", "orphanReason", score, band, method, "methodVersion",
                        note, "decidedBy", "decidedAt", "createdAt", "updatedAt")
    SELECT l.id || '-x' || k, l."documentId" || '-x' || k, l."documentSourceId", l."documentTitle", l."planId", l."planPath", l."planNodeTitle",
           l."targetKey", l."targetId", l."targetText", l.origin, l.status, l."orphanedAt", l."orphanReason", l.score, l.band, l.method,
           l."methodVersion", l.note, l."decidedBy", l."decidedAt", l."createdAt", l."updatedAt"
    FROM "Link" l CROSS JOIN generate_series(${from}, ${to - 1}) k WHERE l.${ORIGINAL}`);
  await db.$executeRawUnsafe(`
    INSERT INTO "LinkEvidence" (id, "linkId", rank, "paragraphId", "paragraphFingerprint", "paragraphQuote", "planParagraphId",
                                "planParagraphFingerprint", "planParagraphQuote", terms, score)
    SELECT e.id || '-x' || k, e."linkId" || '-x' || k, e.rank, e."paragraphId" || '-x' || k, e."paragraphFingerprint", e."paragraphQuote",
           e."planParagraphId", e."planParagraphFingerprint", e."planParagraphQuote", e.terms, e.score
    FROM "LinkEvidence" e JOIN "Link" l ON l.id = e."linkId" CROSS JOIN generate_series(${from}, ${to - 1}) k WHERE l.${ORIGINAL}`);
}

/** A database in use has been vacuumed by autovacuum: visibility map and statistics in place. */
const vacuum = (db: PrismaClient) => db.$executeRawUnsafe(`VACUUM ANALYZE`);

interface PageTimes {
  page: Percentiles;
  api: Percentiles;
  coverage: Percentiles | null;
  coverageApi: Percentiles;
  slowest: string[];
}

/** Reading pages of the original documents and /coverage, each beside the API that answers the same. */
async function measure(db: PrismaClient, origin: string): Promise<PageTimes> {
  const documents = await db.document.findMany({
    select: { id: true, kind: true },
    orderBy: [{ sourceId: "asc" }, { ordinal: "asc" }],
  });
  const targets = documents
    .filter((d) => !/-x\d+$/.test(d.id))
    .map((d) => ({ page: documentUrl(d.kind, d.id), api: `/api/v1/documents/${encodeURIComponent(d.id)}/links` }));
  const get = async (path: string) => {
    const res = await fetch(`${origin}${path}`);
    const body = await res.text();
    return { status: res.status, body };
  };
  const timed = async (path: string, samples: number[]) => {
    const t = performance.now();
    const res = await get(path);
    samples.push(performance.now() - t);
    if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status}`);
    return performance.now() - t;
  };

  // Warm-up, one pass: compiled routes, jieba, the plan and each page's rows in the buffer cache.
  let withPanel = 0;
  for (const t of targets) {
    const res = await get(t.page);
    if (res.status !== 200) throw new Error(`GET ${t.page}: HTTP ${res.status}`);
    if (res.body.includes("对应规划目标")) withPanel++;
    await get(t.api);
  }
  if (withPanel < targets.length)
    log(`  note: ${targets.length - withPanel} document pages show no 对应规划目标 panel`);
  const coverageStatus = (await get("/coverage")).status;
  if (coverageStatus !== 200) log(`  /coverage answers HTTP ${coverageStatus}: not measured`);
  await get("/api/v1/coverage");

  const page: number[] = [];
  const api: number[] = [];
  const coverage: number[] = [];
  const coverageApi: number[] = [];
  const perPage = new Map<string, number>();
  for (let r = 0; r < ROUNDS; r++) {
    for (const t of targets) {
      const ms = await timed(t.page, page);
      perPage.set(t.page, Math.max(perPage.get(t.page) ?? 0, ms));
      await timed(t.api, api);
    }
  }
  for (let r = 0; r < COVERAGE_ROUNDS; r++) {
    if (coverageStatus === 200) await timed("/coverage", coverage);
    await timed("/api/v1/coverage", coverageApi);
  }
  const slowest = [...perPage]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([p, ms]) => `${p} (${ms.toFixed(0)} ms)`);
  return {
    page: percentiles(page),
    api: percentiles(api),
    coverage: coverage.length ? percentiles(coverage) : null,
    coverageApi: percentiles(coverageApi),
    slowest,
  };
}

const counts = async (db: PrismaClient) => ({
  documents: await db.document.count(),
  links: await db.link.count(),
});

const started = performance.now();
const handle = await ensureDatabase({ log });
const benchUrl = withDatabase(handle.url, `bench_links_${process.pid}`);
let db: PrismaClient | null = null;
try {
  await createDatabaseIfMissing(benchUrl);
  await applyMigrations(benchUrl);
  log("Ingesting the corpus into a scratch database …");
  await runIngest({ url: benchUrl });
  db = createPrismaClient(benchUrl, 4);

  log("Linking the real corpus …");
  const realLinking = await timeLinking(db);
  await vacuum(db);
  await ensureBuild(log);
  log("Measuring pages on the real corpus …");
  const realCounts = await counts(db);
  const realPages = await withServer(benchUrl, (origin) => measure(db!, origin));

  log(`Copying documents ×${LINK_TIMES} and linking them …`);
  await copyDocuments(db, 1, LINK_TIMES);
  await vacuum(db);
  const bigLinking = LINK_TIMES > 1 ? await timeLinking(db) : null;
  log(`Copying documents and links up to ×${TIMES} …`);
  await copyDocuments(db, LINK_TIMES, TIMES);
  await copyLinks(db, LINK_TIMES, TIMES);
  await vacuum(db);
  const bigCounts = await counts(db);
  log(`Measuring pages on ×${TIMES} …`);
  const bigPages = await withServer(benchUrl, (origin) => measure(db!, origin));

  const f = (x: number) => x.toFixed(1);
  const s = (x: number) => x.toFixed(2);
  console.log(
    `\nLinker ${LINKER_METHOD}@${LINKER_VERSION}, one run from an empty link table, this machine (${os.cpus().length} cores)\n`,
  );
  console.log("| corpus | documents | plan nodes | links | load s | score s | save s | total s |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const [name, t] of [
    ["real", realLinking],
    [`×${LINK_TIMES}`, bigLinking],
  ] as const) {
    if (!t) continue;
    console.log(
      `| ${name} | ${t.documents} | ${t.nodes} | ${t.links} | ${s(t.load)} | ${s(t.score)} | ${s(t.save)} | ${s(t.load + t.score + t.save)} |`,
    );
  }
  if (bigLinking && LINK_TIMES < TIMES) {
    const perDoc = (bigLinking.load + bigLinking.score + bigLinking.save) / bigLinking.documents;
    console.log(
      `\n×${TIMES} was not linked (pass --link-times=${TIMES}); at ×${LINK_TIMES}'s ${(perDoc * 1000).toFixed(0)} ms a document it would take ≈ ${((perDoc * realLinking.documents * TIMES) / 60).toFixed(1)} min.`,
    );
  }

  console.log(
    `\n${realCounts.documents} document pages × ${ROUNDS} rounds and /coverage × ${COVERAGE_ROUNDS}, sequential, one client, next start\n`,
  );
  console.log("| corpus | documents | links | what | p50 ms | p95 ms | p99 ms |");
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const [name, c, m] of [
    ["real", realCounts, realPages],
    [`×${TIMES}`, bigCounts, bigPages],
  ] as const) {
    const row = (what: string, p: Percentiles | null) =>
      console.log(
        `| ${name} | ${c.documents} | ${c.links} | ${what} | ${p ? f(p.p50) : "–"} | ${p ? f(p.p95) : "–"} | ${p ? f(p.p99) : "–"} |`,
      );
    row("document page with its links panel (GET /speeches/{id} …)", m.page);
    row("GET /api/v1/documents/{id}/links", m.api);
    row(m.coverage ? "GET /coverage" : "GET /coverage (no page yet: not measured)", m.coverage);
    row("GET /api/v1/coverage", m.coverageApi);
  }
  console.log(`\nSlowest pages (real): ${realPages.slowest.join("; ")}`);
  console.log(`Slowest pages (×${TIMES}): ${bigPages.slowest.join("; ")}`);
  console.log(`\nWhole run: ${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (!realPages.coverage) process.exitCode = 1;
} finally {
  await db?.$disconnect();
  await dropDatabase(benchUrl).catch(() => undefined);
  await handle.release();
}
