/**
 * npm run bench:load — the app under concurrent clients, as a load balancer would send them: the
 * production server on the real corpus, driven by autocannon on 127.0.0.1 (the load generator runs
 * on the same 2 cores, so the figures include its cost).
 *
 * Scenarios, each for --duration seconds after a warm-up pass:
 * - reading pages at 20 and at 50 clients: home, the three lists, every speech, proposal and
 *   report, the plan and its chapters, people, a few person pages, /coverage and /topics;
 * - the search API at 20 clients over the judged queries (data/search/judgments.json).
 * Printed per scenario: req/s, latency p50/p95/p99 (every response timed), errors (non-2xx, socket
 * errors and timeouts) and the server's peak resident memory. The whole set runs twice in one go:
 * with the caches (ADR 0010: pages and reads) and with both off (PAGE_CACHE_MB=0 READ_CACHE_MB=0), the "before".
 *
 *   npm run bench:load -- [--duration=15] [--only=cached|uncached]
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { runLinker } from "../lib/data/link-run";
import { timedLoad, withServer, type LoadResult } from "../lib/infra/bench";
import { ensureDatabase } from "../lib/infra/database";
import { migrate } from "../lib/infra/migrate";
import { projectRoot } from "../lib/infra/paths";
import { createPrismaClient } from "../lib/infra/prisma-client";
import { ensureBuild } from "../lib/infra/processes";
import { ensureCorpusLoaded } from "../lib/ingest/run";
import { documentUrl, personUrl, planNodeUrl } from "../lib/urls";

const { values: args } = parseArgs({
  options: { duration: { type: "string", default: "15" }, only: { type: "string" } },
});
const DURATION = Number(args.duration);
if (!Number.isInteger(DURATION) || DURATION < 1 || DURATION > 300) throw new Error("--duration: 1–300 seconds");
const log = (m: string) => console.error(`[bench:load] ${m}`);

const db = await ensureDatabase({ log });
try {
  await migrate(db, log);
  await ensureCorpusLoaded(db.url, log);
  await runLinker({ url: db.url, log });
  await ensureBuild(log);
  const { pages, searches } = await loadTargets(db.url);
  log(`${pages.length} reading pages, ${searches.length} search queries; ${DURATION} s per scenario`);

  const settings: { name: string; env: Record<string, string> }[] = [
    { name: "cached", env: { PAGE_CACHE_MB: "128" } as Record<string, string> },
    { name: "uncached", env: { READ_CACHE_MB: "0", PAGE_CACHE_MB: "0" } },
  ].filter((s) => !args.only || s.name === args.only);
  const rows: Row[] = [];
  for (const setting of settings) {
    await withServer(
      db.appUrl,
      async (origin, pid) => {
        // Warm-up: every page and query once, in order (the JIT, the pools and, when on, the caches),
        // then a short burst under concurrency.
        for (const p of [...pages, ...searches]) await fetch(`${origin}${p}`).then((r) => r.arrayBuffer());
        await run(origin, pid, pages, 10, Math.min(DURATION, 3));
        rows.push({
          setting: setting.name,
          scenario: "reading pages",
          clients: 20,
          ...(await run(origin, pid, pages, 20, DURATION)),
        });
        rows.push({
          setting: setting.name,
          scenario: "reading pages",
          clients: 50,
          ...(await run(origin, pid, pages, 50, DURATION)),
        });
        rows.push({
          setting: setting.name,
          scenario: "search API",
          clients: 20,
          ...(await run(origin, pid, searches, 20, DURATION)),
        });
      },
      setting.env,
    );
  }

  console.log(
    `\nbench:load — ${DURATION} s per scenario, autocannon on 127.0.0.1, load generator on the same machine\n`,
  );
  console.log("| read cache | scenario | clients | req/s | p50 ms | p95 ms | p99 ms | errors | peak RSS MB |");
  console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    console.log(
      `| ${r.setting === "cached" ? "on" : "off"} | ${r.scenario} | ${r.clients} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.errors} | ${r.peakRssMb.toFixed(0)} |`,
    );
  }
} finally {
  await db.release();
}

interface Row extends Result {
  setting: string;
  scenario: string;
  clients: number;
}

interface Result extends LoadResult {
  peakRssMb: number;
}

/** The pages and queries to request, from the database (ids are not hard-coded). */
async function loadTargets(url: string): Promise<{ pages: string[]; searches: string[] }> {
  const prisma = createPrismaClient(url, 2);
  try {
    const [documents, chapters, people] = await Promise.all([
      prisma.document.findMany({ select: { id: true, kind: true }, orderBy: { id: "asc" } }),
      prisma.planNode.findMany({ where: { level: 1 }, select: { path: true }, orderBy: { ordinal: "asc" } }),
      prisma.person.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 10 }),
    ]);
    const pages = [
      "/",
      "/speeches",
      "/proposals",
      "/reports",
      "/plan",
      "/people",
      "/coverage",
      "/topics",
      ...documents.map((d) => documentUrl(d.kind, d.id)),
      ...chapters.map((c) => planNodeUrl(c.path)),
      ...people.map((p) => personUrl(p.id)),
    ];
    const judged = JSON.parse(fs.readFileSync(path.join(projectRoot, "data", "search", "judgments.json"), "utf8")) as {
      queries: { q: string }[];
    };
    const searches = judged.queries.map((j) => `/api/v1/search?q=${encodeURIComponent(j.q)}`);
    return { pages, searches };
  } finally {
    await prisma.$disconnect();
  }
}

/** Resident memory of a process and its descendants, in bytes (Linux /proc). */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))?.[1];
      total += Number(kb ?? 0) * 1024;
    } catch {
      // Gone.
    }
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/** One scenario: `connections` clients cycling through `paths` for `seconds`. */
async function run(
  origin: string,
  pid: number,
  paths: string[],
  connections: number,
  seconds: number,
): Promise<Result> {
  let peakRss = treeRss(pid);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, treeRss(pid))), 250);
  try {
    const load = await timedLoad(origin, paths, connections, seconds);
    return { ...load, peakRssMb: peakRss / 1024 / 1024 };
  } finally {
    clearInterval(sampler);
  }
}
