/**
 * npm run eval:search — nDCG@10 and recall@10 of our search on the judged query set
 * (data/search/judgments.json), next to a naive baseline in the same run: substring match of
 * every query word, ranked by occurrence count.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ensureDatabase } from "../lib/infra/database";
import { projectRoot } from "../lib/infra/paths";
import { createPrismaClient } from "../lib/infra/prisma-client";
import { applyMigrations } from "../lib/infra/schema-engine";
import { runIngest } from "../lib/ingest/run";
import { ndcgAt, recallAt } from "../lib/search/metrics";
import { normalizeText } from "../lib/search/normalize";
import { searchWith } from "../lib/data/search";

const judgedSet = z.object({
  queries: z
    .array(
      z.object({
        q: z.string().min(1),
        type: z.string(),
        relevant: z.record(z.string(), z.number().int().min(1).max(3)),
      }),
    )
    .min(1),
});
const { queries } = judgedSet.parse(
  JSON.parse(fs.readFileSync(path.join(projectRoot, "data", "search", "judgments.json"), "utf8")),
);

const handle = await ensureDatabase({ log: (m) => console.error(m) });
const db = createPrismaClient(handle.url, 4);
try {
  await applyMigrations(handle.url);
  await runIngest({ url: handle.url });

  const paragraphs = await db.paragraph.findMany({
    select: { documentId: true, normText: true, planNode: { select: { path: true } } },
    orderBy: { id: "asc" },
  });
  const baseline = (q: string): string[] => {
    const words = normalizeText(q)
      .split(/\s+/u)
      .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ""))
      .filter(Boolean);
    const scores = new Map<string, number>();
    for (const p of paragraphs) {
      let count = 0;
      let all = true;
      for (const w of words) {
        const n = p.normText.split(w).length - 1;
        if (n === 0) all = false;
        count += n;
      }
      if (!all || !words.length) continue;
      const key = p.documentId ?? `plan:${p.planNode!.path}`;
      scores.set(key, (scores.get(key) ?? 0) + count);
    }
    // Ties in a fixed order, so that every run prints the same table.
    return [...scores].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
  };

  type Row = {
    q: string;
    type: string;
    ours: { ndcg: number; recall: number };
    base: { ndcg: number; recall: number };
  };
  const rows: Row[] = [];
  for (const { q, type, relevant } of queries) {
    const result = await searchWith(db, {
      q,
      filters: {},
      page: 1,
      pageSize: 10,
      sort: "relevance",
      withFacets: false,
    });
    const ours = result.hits.map((h) => h.documentId ?? `plan:${h.planPath}`);
    const base = baseline(q);
    rows.push({
      q,
      type,
      ours: { ndcg: ndcgAt(ours, relevant), recall: recallAt(ours, relevant) },
      base: { ndcg: ndcgAt(base, relevant), recall: recallAt(base, relevant) },
    });
  }

  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const types = ["all", ...new Set(rows.map((r) => r.type))];
  const f = (x: number) => x.toFixed(3);
  console.log(`Judged queries: ${rows.length}\n`);
  console.log("| query type | n | nDCG@10 ours | nDCG@10 baseline | recall@10 ours | recall@10 baseline |");
  console.log("| --- | --- | --- | --- | --- | --- |");
  let beatsEverywhere = true;
  for (const t of types) {
    const sel = rows.filter((r) => t === "all" || r.type === t);
    const o = mean(sel.map((r) => r.ours.ndcg));
    const b = mean(sel.map((r) => r.base.ndcg));
    if (o <= b) beatsEverywhere = false;
    console.log(
      `| ${t} | ${sel.length} | ${f(o)} | ${f(b)} | ${f(mean(sel.map((r) => r.ours.recall)))} | ${f(mean(sel.map((r) => r.base.recall)))} |`,
    );
  }
  // Where to look next: the queries we rank worst.
  const weakest = [...rows].sort((a, b) => a.ours.ndcg - b.ours.ndcg).slice(0, 6);
  console.log(`\nWeakest queries (ours): ${weakest.map((r) => `${r.q} [${r.type}] ${f(r.ours.ndcg)}`).join("; ")}`);
  console.log(
    `\nOurs beats the baseline on nDCG@10 overall and for every query type: ${beatsEverywhere ? "yes" : "NO"}`,
  );
} finally {
  await db.$disconnect();
  await handle.release();
}
