/**
 * npm run bench:pages — a Lighthouse-style budget for the reading pages, measured on the production
 * server (`next start`, a free port on 127.0.0.1) against the embedded database with the real corpus.
 *
 * Pages: home, a speech, the longest report, the longest plan chapter and a search. For each:
 * - HTML: bytes as decoded, and gzip-compressed (what the wire carries);
 * - JS: the page's own <script src> chunks, fetched and summed, gzip-compressed; a `nomodule` script (Next's
 *   legacy polyfills) is left out, since a browser with ES modules neither fetches nor runs it — the sum is
 *   what Chromium loads (checked against its requests), and the polyfills are printed under the table;
 * - TTFB and the time to the last paragraph streamed (the chunk carrying the page's last paragraph
 *   anchor; the last byte where a page has none), the median of 5 sequential requests;
 * - p50/p95 under 20 concurrent clients (autocannon, --duration seconds, after a warm-up).
 * Targets: p95 ≤ 100 ms under 20 clients, JS ≤ 150 kB gzip per page. The load generator shares the
 * machine's cores with the server, and the load average is printed with the table, so a run on a busy
 * machine can be read as such.
 *
 *   npm run bench:pages -- [--duration=10]
 */
import http from "node:http";
import os from "node:os";
import { parseArgs } from "node:util";
import zlib from "node:zlib";
import { runLinker } from "../lib/data/link-run";
import { timedLoad, withServer } from "../lib/infra/bench";
import { ensureDatabase } from "../lib/infra/database";
import { migrate } from "../lib/infra/migrate";
import { createPrismaClient } from "../lib/infra/prisma-client";
import { ensureBuild } from "../lib/infra/processes";
import { ensureCorpusLoaded } from "../lib/ingest/run";
import { documentParagraphAnchor, documentUrl, planChapterUrl, planParagraphAnchor } from "../lib/urls";

const { values: args } = parseArgs({ options: { duration: { type: "string", default: "10" } } });
const DURATION = Number(args.duration);
if (!Number.isInteger(DURATION) || DURATION < 1 || DURATION > 60) throw new Error("--duration: 1–60 seconds");
const CLIENTS = 20;
const TIMINGS = 5;
const TARGET_P95_MS = 100;
const TARGET_JS_KB = 150;
const log = (m: string) => console.error(`[bench:pages] ${m}`);

interface Target {
  name: string;
  path: string;
  /** The id of the page's last paragraph: its arrival is the "last paragraph streamed". */
  lastAnchor: string | null;
}

interface Row {
  target: Target;
  htmlBytes: number;
  htmlGzip: number;
  jsGzip: number;
  scripts: number;
  ttfb: number;
  lastParagraph: number;
  p50: number;
  p95: number;
  rps: number;
  errors: number;
}

const loadBefore = os.loadavg();
const db = await ensureDatabase({ log });
const rows: Row[] = [];
/** `nomodule` scripts (src → gzip bytes): only browsers without ES modules load them. */
const legacy = new Map<string, number>();
try {
  await migrate(db, log);
  await ensureCorpusLoaded(db.url, log);
  await runLinker({ url: db.url, log });
  await ensureBuild(log);
  const targets = await loadTargets(db.url);
  await withServer(db.appUrl, async (origin) => {
    // Warm-up: each page a few times (the JIT, the pools, the build's chunks from disk).
    for (let i = 0; i < 3; i++) for (const t of targets) await get(origin, t.path, null);
    for (const t of targets) {
      log(`${t.name}: ${t.path}`);
      const timings: Timing[] = [];
      for (let i = 0; i < TIMINGS; i++) timings.push(await get(origin, t.path, t.lastAnchor));
      const last = timings.at(-1)!;
      if (t.lastAnchor && !last.html.includes(`id="${t.lastAnchor}"`)) {
        throw new Error(`${t.path}: the last paragraph (${t.lastAnchor}) is not in the page`);
      }
      const scripts = scriptSources(last.html);
      let jsGzip = 0;
      for (const src of scripts) jsGzip += zlib.gzipSync(await getBody(origin, src)).length;
      for (const src of scriptSources(last.html, true)) {
        legacy.set(src, zlib.gzipSync(await getBody(origin, src)).length);
      }
      const load = await timedLoad(origin, [t.path], CLIENTS, DURATION);
      rows.push({
        target: t,
        htmlBytes: Buffer.byteLength(last.html),
        htmlGzip: zlib.gzipSync(last.html).length,
        jsGzip,
        scripts: scripts.length,
        ttfb: median(timings.map((x) => x.ttfb)),
        lastParagraph: median(timings.map((x) => x.lastParagraph)),
        ...load,
      });
    }
  });
} finally {
  await db.release();
}
const loadAfter = os.loadavg();

const kb = (n: number) => (n / 1024).toFixed(1);
console.log(
  `\nbench:pages — next start on 127.0.0.1, ${CLIENTS} clients × ${DURATION} s per page (autocannon on the same machine); ` +
    `TTFB and last paragraph: median of ${TIMINGS} sequential requests\n`,
);
console.log(
  "| page | path | HTML kB | HTML kB gzip | JS kB gzip (chunks) | TTFB ms | last paragraph ms | p50 ms | p95 ms | req/s | errors |",
);
console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of rows) {
  const js = `${kb(r.jsGzip)} (${r.scripts})${r.jsGzip > TARGET_JS_KB * 1024 ? " ✗" : ""}`;
  const p95 = `${r.p95.toFixed(0)}${r.p95 > TARGET_P95_MS ? " ✗" : ""}`;
  console.log(
    `| ${r.target.name} | ${r.target.path} | ${kb(r.htmlBytes)} | ${kb(r.htmlGzip)} | ${js} | ${r.ttfb.toFixed(0)} | ${r.lastParagraph.toFixed(0)} | ${r.p50.toFixed(0)} | ${p95} | ${r.rps.toFixed(0)} | ${r.errors} |`,
  );
}
if (legacy.size) {
  const total = [...legacy.values()].reduce((a, b) => a + b, 0);
  console.log(
    `\nNot counted: ${legacy.size} nomodule script(s), ${kb(total)} kB gzip, fetched only by browsers without ES modules (${[...legacy.keys()].join(", ")}).`,
  );
}
const fmt = (l: number[]) => l.map((x) => x.toFixed(2)).join(" ");
console.log(
  `\nTargets: p95 ≤ ${TARGET_P95_MS} ms under ${CLIENTS} clients, JS ≤ ${TARGET_JS_KB} kB gzip per page (✗: missed). ` +
    `Load average (1/5/15 min) before: ${fmt(loadBefore)}, after: ${fmt(loadAfter)} on ${os.cpus().length} cores.`,
);

/** The pages, from the database (ids are not hard-coded): the longest report and plan chapter. */
async function loadTargets(url: string): Promise<Target[]> {
  const prisma = createPrismaClient(url, 2);
  try {
    const [speech, reports, chapters] = await Promise.all([
      prisma.document.findFirst({
        where: { kind: "speech" },
        orderBy: { id: "asc" },
        select: { id: true, kind: true, paragraphs: { select: { n: true }, orderBy: { n: "desc" }, take: 1 } },
      }),
      prisma.document.findMany({
        where: { kind: "report" },
        select: { id: true, kind: true, paragraphs: { select: { n: true, text: true } } },
      }),
      prisma.planNode.findMany({ where: { level: 1 }, select: { path: true } }),
    ]);
    if (!speech || !reports.length || !chapters.length) throw new Error("the corpus has no speech, report or chapter");
    const size = (r: (typeof reports)[number]) => r.paragraphs.reduce((n, p) => n + p.text.length, 0);
    const report = reports.reduce((a, b) => (size(b) > size(a) ? b : a));
    // A chapter's paragraphs are those of its nodes (paths "3", "3.1", "3.1.2"), in line order.
    const chapterParagraphs = await Promise.all(
      chapters.map(async (c) => ({
        path: c.path,
        paragraphs: await prisma.paragraph.findMany({
          where: { planNode: { OR: [{ path: c.path }, { path: { startsWith: `${c.path}.` } }] } },
          select: { n: true, text: true, planNode: { select: { path: true } } },
          orderBy: { lineStart: "asc" },
        }),
      })),
    );
    const chapter = chapterParagraphs.reduce((a, b) =>
      b.paragraphs.reduce((n, p) => n + p.text.length, 0) > a.paragraphs.reduce((n, p) => n + p.text.length, 0) ? b : a,
    );
    const lastOfChapter = chapter.paragraphs.at(-1);
    const lastOfReport = Math.max(...report.paragraphs.map((p) => p.n));
    return [
      { name: "home", path: "/", lastAnchor: null },
      {
        name: "speech",
        path: documentUrl(speech.kind, speech.id),
        lastAnchor: speech.paragraphs[0] ? documentParagraphAnchor(speech.paragraphs[0].n) : null,
      },
      {
        name: "longest report",
        path: documentUrl(report.kind, report.id),
        lastAnchor: documentParagraphAnchor(lastOfReport),
      },
      {
        name: "longest plan chapter",
        path: planChapterUrl(chapter.path),
        lastAnchor: lastOfChapter ? planParagraphAnchor(lastOfChapter.planNode!.path, lastOfChapter.n) : null,
      },
      { name: "search", path: `/search?q=${encodeURIComponent("教育")}`, lastAnchor: null },
    ];
  } finally {
    await prisma.$disconnect();
  }
}

interface Timing {
  html: string;
  ttfb: number;
  lastParagraph: number;
}

/** One request, timed: the first byte of the body, and the chunk that carries the anchor (or the end). */
function get(origin: string, path: string, anchor: string | null): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let ttfb = 0;
    let seen = 0;
    const chunks: Buffer[] = [];
    const needle = anchor ? `id="${anchor}"` : null;
    const req = http.get(`${origin}${path}`, { timeout: 30_000 }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`${path}: HTTP ${res.statusCode}`));
      res.on("data", (chunk: Buffer) => {
        if (!chunks.length) ttfb = performance.now() - start;
        chunks.push(chunk);
        // The anchor may straddle two chunks: look in the tail of what came before, too.
        if (needle && !seen) {
          const tail = Buffer.concat(chunks.slice(-2)).toString("utf8");
          if (tail.includes(needle)) seen = performance.now() - start;
        }
      });
      res.on("end", () => {
        const end = performance.now() - start;
        resolve({ html: Buffer.concat(chunks).toString("utf8"), ttfb, lastParagraph: seen || end });
      });
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`${path}: timed out`)));
    req.on("error", reject);
  });
}

async function getBody(origin: string, path: string): Promise<Buffer> {
  const res = await fetch(new URL(path, origin));
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

/**
 * The page's own scripts (the build's chunks), each once: those a browser with ES modules loads, or
 * (`nomodule`) only the legacy ones it skips.
 */
function scriptSources(html: string, nomodule = false): string[] {
  const srcs = [...html.matchAll(/<script\b([^>]*)>/g)]
    .filter((m) => /\bnomodule\b/i.test(m[1]!) === nomodule)
    .map((m) => /\bsrc="([^"]+)"/.exec(m[1]!)?.[1]?.replaceAll("&amp;", "&"))
    .filter((s): s is string => !!s);
  return [...new Set(srcs.filter((s) => s.startsWith("/_next/")))];
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}
