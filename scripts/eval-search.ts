/**
 * npm run eval:search — nDCG@10 and recall@10 on the judged query set (data/search/judgments.json)
 * for our search and, in the same run, two baselines: a substring match of every query word ranked
 * by occurrence count, and plain BM25 over the index's segmentation with OR semantics
 * (lib/search/bm25.ts; paragraphs aggregated to documents and plan nodes, as the judgments key them).
 *
 * The set has a tune part and a held-out part (`split`, tune when missing). Per-query rows are
 * printed for the tune part only; the held-out part is reported as aggregates (overall and per
 * type), so that tuning never looks at its cases. `--tune` skips the held-out part altogether.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ensureDatabase } from "../lib/infra/database";
import { projectRoot } from "../lib/infra/paths";
import { createPrismaClient } from "../lib/infra/prisma-client";
import { applyMigrations } from "../lib/infra/schema-engine";
import { runIngest } from "../lib/ingest/run";
import { bm25Index } from "../lib/search/bm25";
import { ndcgAt, recallAt } from "../lib/search/metrics";
import { normalizeText } from "../lib/search/normalize";
import { queryTokens } from "../lib/search/segment";
import { searchWith } from "../lib/data/search";

const judgedSet = z.object({
  queries: z
    .array(
      z.object({
        q: z.string().min(1),
        type: z.string(),
        split: z.enum(["tune", "heldout"]).default("tune"),
        /** Which held-out set a query belongs to (each written at one time, before any result for it). */
        set: z.string().default("first"),
        relevant: z.record(z.string(), z.number().int().min(1).max(3)),
      }),
    )
    .min(1),
});
const tuneOnly = process.argv.includes("--tune");
const { queries } = judgedSet.parse(
  JSON.parse(fs.readFileSync(path.join(projectRoot, "data", "search", "judgments.json"), "utf8")),
);

const SYSTEMS = ["ours", "bm25", "substring"] as const;
type System = (typeof SYSTEMS)[number];
type Scores = Record<System, { ndcg: number; recall: number }>;
type Row = { q: string; type: string; split: "tune" | "heldout"; set: string; scores: Scores; top: string[] };

const handle = await ensureDatabase({ log: (m) => console.error(m) });
const db = createPrismaClient(handle.url, 4);
try {
  await applyMigrations(handle.url);
  await runIngest({ url: handle.url });

  const paragraphs = await db.paragraph.findMany({
    select: {
      documentId: true,
      normText: true,
      searchTitle: true,
      searchHeading: true,
      searchBody: true,
      planNode: { select: { path: true } },
    },
    orderBy: { id: "asc" },
  });
  const keyOf = (p: (typeof paragraphs)[number]) => p.documentId ?? `plan:${p.planNode!.path}`;
  const words = (q: string) =>
    normalizeText(q)
      .split(/\s+/u)
      .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ""))
      .filter((w) => w && w !== "or");

  const substring = (q: string): string[] => {
    const ws = words(q);
    const scores = new Map<string, number>();
    for (const p of paragraphs) {
      let count = 0;
      let all = true;
      for (const w of ws) {
        const n = p.normText.split(w).length - 1;
        if (n === 0) all = false;
        count += n;
      }
      if (!all || !ws.length) continue;
      scores.set(keyOf(p), (scores.get(keyOf(p)) ?? 0) + count);
    }
    // Ties in a fixed order, so that every run prints the same table.
    return [...scores].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
  };

  // BM25 items: each document and plan node, its paragraphs' index tokens plus its title's once.
  const bags = new Map<string, string[]>();
  const titled = new Set<string>();
  for (const p of paragraphs) {
    const key = keyOf(p);
    const bag = bags.get(key) ?? [];
    bags.set(key, bag);
    for (const col of [p.searchHeading, p.searchBody]) if (col) bag.push(...col.split(" "));
    if (!titled.has(key) && p.searchTitle) {
      titled.add(key);
      bag.push(...p.searchTitle.split(" "));
    }
  }
  const bm25 = bm25Index([...bags].map(([key, tokens]) => ({ key, tokens })));
  const bm25Rank = (q: string) => bm25.rank(words(q).flatMap((w) => queryTokens(w)));

  const rows: Row[] = [];
  for (const { q, type, split, set, relevant } of queries) {
    if (tuneOnly && split === "heldout") continue;
    const result = await searchWith(db, {
      q,
      filters: {},
      page: 1,
      pageSize: 10,
      sort: "relevance",
      withFacets: false,
    });
    const ranked: Record<System, string[]> = {
      ours: result.hits.map((h) => h.documentId ?? `plan:${h.planPath}`),
      bm25: bm25Rank(q),
      substring: substring(q),
    };
    const scores = Object.fromEntries(
      SYSTEMS.map((s) => [s, { ndcg: ndcgAt(ranked[s], relevant), recall: recallAt(ranked[s], relevant) }]),
    ) as Scores;
    rows.push({ q, type, split, set, scores, top: ranked.ours.slice(0, 3) });
  }

  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const f = (x: number) => x.toFixed(3);
  const table = (part: "tune" | "heldout", set?: string) => {
    const sel = rows.filter((r) => r.split === part && (set === undefined || r.set === set));
    if (!sel.length) return;
    const types = ["all", ...[...new Set(sel.map((r) => r.type))].sort()];
    const name = part === "tune" ? "Tune part" : set === undefined ? "Held-out part" : `Held-out set "${set}"`;
    console.log(`\n### ${name}: ${sel.length} queries\n`);
    console.log(
      "| query type | n | nDCG@10 ours | nDCG@10 BM25 | nDCG@10 substring | recall@10 ours | recall@10 BM25 | recall@10 substring |",
    );
    console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
    let margin = Infinity;
    for (const t of types) {
      const of = sel.filter((r) => t === "all" || r.type === t);
      const m = (s: System, k: "ndcg" | "recall") => mean(of.map((r) => r.scores[s][k]));
      margin = Math.min(margin, m("ours", "ndcg") - Math.max(m("bm25", "ndcg"), m("substring", "ndcg")));
      console.log(
        `| ${t} | ${of.length} | ${SYSTEMS.map((s) => f(m(s, "ndcg"))).join(" | ")} | ${SYSTEMS.map((s) => f(m(s, "recall"))).join(" | ")} |`,
      );
    }
    console.log(
      `\nOurs beats both baselines on nDCG@10 overall and for every type (${name}): ${margin > 0 ? "yes" : "NO"}; smallest margin over the better baseline ${margin.toFixed(4)}`,
    );
  };

  // Per-query rows, tune part only: where to look next.
  const tune = rows.filter((r) => r.split === "tune");
  console.log(
    `Judged queries: ${queries.length} (tune ${queries.filter((x) => x.split === "tune").length}, held-out ${queries.filter((x) => x.split === "heldout").length})`,
  );
  console.log("\n### Tune part, per query (nDCG@10 ours / BM25 / substring; our top 3)\n");
  for (const r of [...tune].sort((a, b) => a.type.localeCompare(b.type) || a.scores.ours.ndcg - b.scores.ours.ndcg))
    console.log(
      `${r.type.padEnd(9)} ${f(r.scores.ours.ndcg)} ${f(r.scores.bm25.ndcg)} ${f(r.scores.substring.ndcg)}  ${r.q}  → ${r.top.join(", ")}`,
    );
  table("tune");
  if (!tuneOnly) {
    table("heldout");
    const sets = [...new Set(rows.filter((r) => r.split === "heldout").map((r) => r.set))];
    if (sets.length > 1) for (const set of sets) table("heldout", set);
  }
} finally {
  await db.$disconnect();
  await handle.release();
}
