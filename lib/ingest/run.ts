/**
 * The ingest command: read the manifest, parse every file (all must parse before anything is
 * written), then replace the sources whose file or parse output changed, and recompute in place
 * the search columns of those whose rows are current but were indexed under another index version.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { corpusDir } from "../infra/paths";
import { bumpGenerations } from "../data/cache-generations";
import { createPrismaClient } from "../infra/prisma-client";
import { readManifest, type SourceEntry } from "./manifest";
import { parserVersion, parseSource } from "./parse-source";
import { reindexSources } from "./reindex";
import { ParseError } from "./types";
import { indexVersion } from "../search/index-fields";
import { writeSources, type SourceToWrite } from "./writer";

export class IngestError extends Error {}

export interface SourceReport {
  id: string;
  file: string;
  format: string;
  /** loaded: (re)written; reindexed: same rows, search columns recomputed for a new index version. */
  status: "unchanged" | "loaded" | "reindexed" | "parsed";
  documents: Record<string, number>;
  paragraphs: number;
  speakers: number;
  planNodes: number;
  targets: Record<string, number>;
  figures: number;
  warnings: { line: number; message: string }[];
}

export function parseCorpus(dir = corpusDir): SourceToWrite[] {
  const manifest = readManifest(dir);
  const index = indexVersion();
  return manifest.sources.map((entry: SourceEntry) => {
    const file = path.join(dir, entry.file);
    if (!fs.existsSync(file)) throw new IngestError(`${entry.file}: file listed in the manifest does not exist`);
    const text = fs.readFileSync(file, "utf8");
    try {
      const result = parseSource(entry, text);
      return {
        entry,
        sha256: crypto.createHash("sha256").update(text).digest("hex"),
        parserVersion: parserVersion(entry, result),
        indexVersion: index,
        lineCount: text.split("\n").length,
        result,
      };
    } catch (error) {
      if (error instanceof ParseError)
        throw new IngestError(`${entry.file}:${error.line}: ${error.message.replace(/^line \d+: /, "")}`);
      throw new IngestError(`${entry.file}: ${(error as Error).message}`);
    }
  });
}

export function reportFor(s: SourceToWrite, status: SourceReport["status"]): SourceReport {
  const documents: Record<string, number> = {};
  for (const d of s.result.documents) documents[d.kind] = (documents[d.kind] ?? 0) + 1;
  const targets: Record<string, number> = {};
  for (const n of s.result.plan?.nodes ?? []) for (const t of n.targets) targets[t.kind] = (targets[t.kind] ?? 0) + 1;
  return {
    id: s.entry.id,
    file: s.entry.file,
    format: s.entry.format,
    status,
    documents,
    paragraphs:
      s.result.documents.reduce((a, d) => a + d.paragraphs.length, 0) +
      (s.result.plan?.nodes.reduce((a, n) => a + n.paragraphs.length, 0) ?? 0),
    speakers: new Set(s.result.documents.flatMap((d) => d.speakers.map((p) => p.name))).size,
    planNodes: s.result.plan?.nodes.length ?? 0,
    targets,
    figures: s.result.plan?.nodes.reduce((a, n) => a + n.figures.length, 0) ?? 0,
    warnings: s.result.warnings,
  };
}

export async function runIngest(options: {
  url?: string;
  check?: boolean;
  force?: boolean;
  dir?: string;
  log?: (m: string) => void;
  /** Runs once before the first write, only when something is going to be written (the editorial snapshot). */
  beforeWrite?: () => Promise<unknown>;
}): Promise<SourceReport[]> {
  const log = options.log ?? (() => undefined);
  const parsed = parseCorpus(options.dir);
  if (options.check || !options.url) return parsed.map((s) => reportFor(s, "parsed"));

  const db = createPrismaClient(options.url, 2);
  try {
    const existing = new Map(
      (await db.source.findMany({ select: { id: true, sha256: true, parserVersion: true, indexVersion: true } })).map(
        (s) => [s.id, s],
      ),
    );
    const changed = parsed.filter((s) => {
      const e = existing.get(s.entry.id);
      return options.force || !e || e.sha256 !== s.sha256 || e.parserVersion !== s.parserVersion;
    });
    const stale = parsed.filter(
      (s) => !changed.includes(s) && existing.get(s.entry.id)!.indexVersion !== s.indexVersion,
    );
    // Sources dropped from the manifest go too (below).
    const keep = new Set(parsed.map((s) => s.entry.id));
    const gone = [...existing.keys()].filter((id) => !keep.has(id));
    if (changed.length || stale.length || gone.length) await options.beforeWrite?.();
    if (changed.length) {
      log(`Loading ${changed.length} source(s): ${changed.map((s) => s.entry.file).join(", ")} …`);
      await writeSources(db, changed);
    }
    if (stale.length) {
      log(`Recomputing the search index of ${stale.length} source(s): ${stale.map((s) => s.entry.file).join(", ")} …`);
      await reindexSources(
        db,
        stale.map((s) => s.entry.id),
        stale[0]!.indexVersion,
      );
    }
    if (gone.length) {
      await db.$transaction([
        db.source.deleteMany({ where: { id: { in: gone } } }),
        db.person.deleteMany({ where: { documents: { none: {} } } }),
      ]);
      log(`Removed ${gone.length} source(s) no longer in the manifest: ${gone.join(", ")}`);
    }
    if (changed.length || stale.length || gone.length) {
      // After the writes have committed: readers that cached the new rows under the old key are
      // right, and no reader can cache old rows under the new one.
      await bumpGenerations(db, ["corpus"]);
      // A replaced source (or a recomputed column) leaves old row versions dead in the table, and
      // search reads whole heap pages: clear them and refresh the planner's statistics now rather
      // than when autovacuum gets round to it (measured: the benchmark's p50 doubled after three
      // forced re-ingests).
      await db.$executeRaw`VACUUM ANALYZE "Paragraph", "Document", "DocumentPerson", "PlanNode", "Person"`;
    }
    return parsed.map((s) =>
      reportFor(s, changed.includes(s) ? "loaded" : stale.includes(s) ? "reindexed" : "unchanged"),
    );
  } finally {
    await db.$disconnect();
  }
}

/** Used by `npm start`: loads what is missing or changed, says so, and is quick when nothing is. */
export async function ensureCorpusLoaded(
  url: string,
  log: (m: string) => void,
  beforeWrite?: () => Promise<unknown>,
): Promise<void> {
  const reports = await runIngest({ url, log, beforeWrite });
  const loaded = reports.filter((r) => r.status === "loaded").length;
  const reindexed = reports.filter((r) => r.status === "reindexed").length;
  const docs = reports.reduce((a, r) => a + Object.values(r.documents).reduce((x, y) => x + y, 0), 0);
  log(
    loaded || reindexed
      ? `Corpus loaded: ${loaded} source(s) (re)loaded, ${reindexed} reindexed, ${docs} documents in all.`
      : `Corpus up to date (${reports.length} sources, ${docs} documents).`,
  );
}

export function formatReport(reports: SourceReport[]): string {
  const out: string[] = [];
  for (const r of reports) {
    const docs =
      Object.entries(r.documents)
        .map(([k, v]) => `${v} ${k}`)
        .join(", ") || "none";
    out.push(`${r.file}  [${r.format}] ${r.status}`);
    out.push(`  documents: ${docs}; paragraphs: ${r.paragraphs}; speakers/authors: ${r.speakers}`);
    if (r.planNodes) {
      const t = Object.entries(r.targets)
        .map(([k, v]) => `${v} ${k}`)
        .join(", ");
      out.push(`  plan nodes: ${r.planNodes}; targets: ${t}; missing figures: ${r.figures}`);
    }
    out.push(`  warnings: ${r.warnings.length}`);
    for (const w of r.warnings.slice(0, 10)) out.push(`    line ${w.line}: ${w.message}`);
    if (r.warnings.length > 10) out.push(`    … ${r.warnings.length - 10} more`);
  }
  return out.join("\n");
}
