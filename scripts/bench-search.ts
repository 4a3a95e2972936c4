/**
 * npm run bench:search — latency of search on the real corpus and on a synthetic corpus ×100
 * (the real documents copied 100 times into a separate database, generated here and dropped
 * afterwards, never committed). For each, in the same run: the search API over HTTP, served by
 * the app's own `next start` on that database; the search service it calls, in-process (parse,
 * SQL, facets, assembly, JSON); and the ranking SQL alone.
 * Targets on a 2-core machine: p95 ≤ 50 ms on the corpus, ≤ 150 ms at ×100.
 *
 * What each signal added by issue 14 costs: in the same rounds, the search service runs again with
 * one signal off at a time (thesaurus, compound parts, BM25 weighting) and with all three off, the
 * baseline the ratios are taken against. The load average is printed before and after, since
 * the machine may be shared.
 */
import fs from "node:fs";
import path from "node:path";
import { bumpGenerations } from "../lib/data/cache-generations";
import { ensureDatabase, createDatabaseIfMissing, dropDatabase, withDatabase } from "../lib/infra/database";
import { ensureBuild } from "../lib/infra/processes";
import { percentiles, withServer } from "../lib/infra/bench";
import { projectRoot } from "../lib/infra/paths";
import { createPrismaClient, type PrismaClient } from "../lib/infra/prisma-client";
import { applyMigrations } from "../lib/infra/schema-engine";
import { runIngest } from "../lib/ingest/run";
import { parseQuery } from "../lib/search/query";
import { searchWith, type SearchParams } from "../lib/data/search";
import { searchGroups, searchPassages } from "../lib/search/sql";

const ROUNDS = Number(process.argv[2] ?? 5);
const queries: string[] = JSON.parse(
  fs.readFileSync(path.join(projectRoot, "data", "search", "judgments.json"), "utf8"),
).queries.map((q: { q: string }) => q.q);

/** The service with one added signal off at a time, and with all of them off (the baseline). */
const VARIANTS: [string, NonNullable<SearchParams["signals"]>][] = [
  ["without thesaurus", { thesaurus: false }],
  ["without compound parts", { parts: false }],
  ["without BM25 weighting", { weighting: false }],
  ["baseline: all three off", { thesaurus: false, parts: false, weighting: false }],
];

async function measure(db: PrismaClient, origin: string) {
  const api: number[] = [];
  const service: number[] = [];
  const sql: number[] = [];
  const variants = VARIANTS.map(() => [] as number[]);
  const perQuery = new Map<string, number>();
  // A failed request is counted and reported, not fatal: on a loaded machine the statement
  // timeout can answer 503, and the run should still say what it measured.
  const errors: string[] = [];
  const get = async (q: string) => {
    const res = await fetch(`${origin}/api/v1/search?q=${encodeURIComponent(q)}&pageSize=20`);
    if (!res.ok) errors.push(`${q}: HTTP ${res.status}`);
    return res.ok ? res.json() : null;
  };
  // Warm-up, one pass over every query: jieba, plans, compiled routes and each query's pages in
  // the buffer cache, as on a server in use. What is measured is the steady state.
  for (const q of queries) {
    await get(q);
    await searchWith(db, { q, filters: {}, page: 1, pageSize: 20, sort: "relevance" });
  }
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of queries) {
      let t = performance.now();
      await get(q);
      api.push(performance.now() - t);
      perQuery.set(q, Math.max(perQuery.get(q) ?? 0, performance.now() - t));
      t = performance.now();
      const result = await searchWith(db, { q, filters: {}, page: 1, pageSize: 20, sort: "relevance" });
      JSON.stringify(result.hits);
      service.push(performance.now() - t);
      for (const [i, [, signals]] of VARIANTS.entries()) {
        t = performance.now();
        const r = await searchWith(db, { q, filters: {}, page: 1, pageSize: 20, sort: "relevance", signals });
        JSON.stringify(r.hits);
        variants[i]!.push(performance.now() - t);
      }
      const parsed = parseQuery(q);
      t = performance.now();
      const { groups } = await searchGroups(db, parsed, {}, { offset: 0, limit: 20, sort: "relevance", facets: true });
      await searchPassages(
        db,
        parsed,
        groups.map((g) => g.gid),
        3,
      );
      sql.push(performance.now() - t);
    }
  }
  const slowest = [...perQuery]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([q, ms]) => `${q} (${ms.toFixed(0)} ms)`);
  return {
    api: percentiles(api),
    service: percentiles(service),
    sql: percentiles(sql),
    variants: VARIANTS.map(([name], i) => ({ name, ...percentiles(variants[i]!) })),
    slowest,
    errors,
  };
}

/** Copies every document (with speakers and paragraphs, search columns included) 99 more times. */
async function multiply(db: PrismaClient, times: number) {
  await db.$executeRawUnsafe(`
    INSERT INTO "Document" (id, "sourceId", kind, ordinal, title, subtitle, date, "authoringOffice", "lineStart", "lineEnd")
    SELECT d.id || '-x' || k, d."sourceId", d.kind, d.ordinal + 1000 * k, d.title, d.subtitle, d.date, d."authoringOffice", d."lineStart", d."lineEnd"
    FROM "Document" d CROSS JOIN generate_series(1, ${times - 1}) k`);
  await db.$executeRawUnsafe(`
    INSERT INTO "DocumentPerson" ("documentId", "personId", position, role, affiliation)
    SELECT dp."documentId" || '-x' || k, dp."personId", dp.position, dp.role, dp.affiliation
    FROM "DocumentPerson" dp CROSS JOIN generate_series(1, ${times - 1}) k WHERE dp."documentId" NOT LIKE '%-x%'`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Paragraph" (id, "documentId", "planNodeId", n, text, "headingLevel", "lineStart", "lineEnd", "searchTitle", "searchHeading", "searchBody", "normText")
    SELECT p.id || '-x' || k, CASE WHEN p."documentId" IS NULL THEN NULL ELSE p."documentId" || '-x' || k END, p."planNodeId", p.n + 10000 * k,
           p.text, p."headingLevel", p."lineStart", p."lineEnd", p."searchTitle", p."searchHeading", p."searchBody", p."normText"
    FROM "Paragraph" p CROSS JOIN generate_series(1, ${times - 1}) k WHERE p.id NOT LIKE '%-x%'`);
  // The corpus changed: what was counted or cached for it (search's document frequencies) is stale.
  await bumpGenerations(db, ["corpus"]);
  // A database in use has been vacuumed by autovacuum: visibility map and statistics in place.
  await db.$executeRawUnsafe(`VACUUM ANALYZE`);
}

const os = await import("node:os");
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" / ");
const loadBefore = load();
const handle = await ensureDatabase({ log: (m) => console.error(m) });
const benchUrl = withDatabase(handle.url, `bench_x100_${process.pid}`);
try {
  await applyMigrations(handle.url);
  await runIngest({ url: handle.url });
  await ensureBuild((m) => console.error(m));
  const db = createPrismaClient(handle.url, 4);
  const corpus = await withServer(handle.url, (origin) => measure(db, origin));
  const paragraphs = await db.paragraph.count();
  await db.$disconnect();

  await createDatabaseIfMissing(benchUrl);
  await applyMigrations(benchUrl);
  await runIngest({ url: benchUrl });
  const big = createPrismaClient(benchUrl, 4);
  await multiply(big, 100);
  const bigParagraphs = await big.paragraph.count();
  const x100 = await withServer(benchUrl, (origin) => measure(big, origin));
  await big.$disconnect();

  const f = (x: number) => x.toFixed(1);
  console.log(
    `${queries.length} judged queries × ${ROUNDS} rounds, sequential, one client, this machine (${os.cpus().length} cores); load average (1 / 5 / 15 min) ${loadBefore} before, ${load()} after\n`,
  );
  console.log("| corpus | paragraphs | what | p50 ms | p95 ms | p99 ms | target p95 |");
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const [name, n, m, target] of [
    ["real", paragraphs, corpus, 50],
    ["×100", bigParagraphs, x100, 150],
  ] as const) {
    console.log(
      `| ${name} | ${n} | search API (GET /api/v1/search on next start) | ${f(m.api.p50)} | ${f(m.api.p95)} | ${f(m.api.p99)} | ≤ ${target} ${m.api.p95 <= target ? "✓" : "✗"} |`,
    );
    console.log(
      `| ${name} | ${n} | search service in-process (what the route calls) | ${f(m.service.p50)} | ${f(m.service.p95)} | ${f(m.service.p99)} | |`,
    );
    console.log(`| ${name} | ${n} | ranking SQL alone | ${f(m.sql.p50)} | ${f(m.sql.p95)} | ${f(m.sql.p99)} | |`);
  }
  console.log("\nWhat each signal costs: the search service in-process, in the same rounds, with one signal off");
  console.log("| corpus | service | p50 ms | p95 ms | p99 ms | p95 ÷ baseline p95 |");
  console.log("| --- | --- | --- | --- | --- | --- |");
  for (const [name, m] of [
    ["real", corpus],
    ["×100", x100],
  ] as const) {
    const base = m.variants.at(-1)!.p95;
    for (const v of [{ name: "all signals (as served)", ...m.service }, ...m.variants])
      console.log(`| ${name} | ${v.name} | ${f(v.p50)} | ${f(v.p95)} | ${f(v.p99)} | ${(v.p95 / base).toFixed(2)} |`);
  }
  console.log(`\nSlowest queries (real): ${corpus.slowest.join("; ")}`);
  console.log(`Slowest queries (×100): ${x100.slowest.join("; ")}`);
  for (const [name, m] of [
    ["real", corpus],
    ["×100", x100],
  ] as const)
    console.log(`Failed API requests (${name}): ${m.errors.length ? m.errors.join("; ") : "none"}`);
} finally {
  await dropDatabase(benchUrl).catch(() => undefined);
  await handle.release();
}
