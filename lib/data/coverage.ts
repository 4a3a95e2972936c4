import "server-only";
import { getDb } from "../db";
import { readThrough } from "./cached";
import { Prisma, type DocumentKind, type PlanNodeKind, type PlanTargetKind } from "../generated/prisma/client";
import { DOCUMENT_KINDS } from "../kinds";
import { documentUrl, planNodeLabel } from "../urls";

/**
 * Which statuses count as "addressed" on the coverage map: by default what readers see (suggested
 * and confirmed), or confirmed links only.
 */
export type CoverageStatus = "visible" | "confirmed";

export interface CoverageFilter {
  kind?: DocumentKind;
  source?: string;
  status: CoverageStatus;
}

/** A column of the heatmap: the documents of one kind from one source. */
export interface CoverageColumn {
  key: string;
  kind: DocumentKind;
  sourceId: string;
  sourceTitle: string;
  documents: number;
}

export interface CoverageRow {
  path: string;
  kind: PlanNodeKind;
  label: string;
  /** Distinct documents linked to this node or any node below it, per column key. */
  counts: Record<string, number>;
  total: number;
}

export interface CoverageTarget {
  id: string;
  path: string;
  kind: PlanTargetKind;
  text: string;
}

export interface CoverageDocument {
  id: string;
  kind: DocumentKind;
  title: string;
  url: string;
  sourceId: string;
}

export interface Coverage {
  columns: CoverageColumn[];
  /** Chapters and sections in plan order (the heatmap's rows). */
  rows: CoverageRow[];
  /** Sections and subsections that no document addresses. */
  uncoveredNodes: { path: string; kind: PlanNodeKind; label: string }[];
  /** Goals and targets that no document addresses (neither by a link to it, nor by evidence citing its paragraph). */
  uncoveredTargets: CoverageTarget[];
  addressedTargets: number;
  totalTargets: number;
  /** Documents (within the filter) with no link at all. */
  unlinkedDocuments: CoverageDocument[];
  linkedDocuments: number;
}

const columnKey = (kind: DocumentKind, sourceId: string) => `${kind}:${sourceId}`;

/**
 * Counting happens in SQL: at a hundred times the corpus, loading every document and link to count
 * them in the app took most of the page's time. All values are parameters.
 */
export async function getCoverage(filter: CoverageFilter): Promise<Coverage> {
  return readThrough("getCoverage", ["corpus", "links"], loadCoverage, filter);
}

async function loadCoverage(filter: CoverageFilter): Promise<Coverage> {
  const db = getDb();
  const kind = filter.kind ?? null;
  const source = filter.source ?? null;
  const confirmedOnly = filter.status === "confirmed";
  // The links that count, restricted to documents within the filter.
  const visible = Prisma.sql`
    SELECT l."documentId", l."planPath", l."targetId", l.id, d.kind, d."sourceId"
    FROM "Link" l JOIN "Document" d ON d.id = l."documentId"
    WHERE l."orphanedAt" IS NULL
      AND (CASE WHEN ${confirmedOnly} THEN l.status = 'confirmed' ELSE l.status <> 'rejected' END)
      AND (${kind}::text IS NULL OR d.kind::text = ${kind})
      AND (${source}::text IS NULL OR d."sourceId" = ${source})`;

  const [columnRows, nodes, nodeCounts, targets, addressedRows, unlinked, linkedRows] = await Promise.all([
    db.$queryRaw<{ kind: DocumentKind; sourceId: string; sourceTitle: string; documents: number }[]>`
      SELECT d.kind, d."sourceId", s.title AS "sourceTitle", count(*)::int AS documents
      FROM "Document" d JOIN "Source" s ON s.id = d."sourceId"
      WHERE (${kind}::text IS NULL OR d.kind::text = ${kind}) AND (${source}::text IS NULL OR d."sourceId" = ${source})
      GROUP BY d.kind, d."sourceId", s.title, s.date
      ORDER BY s.date DESC NULLS LAST, d."sourceId"`,
    db.planNode.findMany({
      where: { kind: { in: ["chapter", "section", "subsection"] } },
      select: { path: true, kind: true, number: true, title: true },
      orderBy: { ordinal: "asc" },
    }),
    // Distinct documents per node: a link to 3.2.1 counts for 3.2.1, 3.2 and 3 (its path's prefixes).
    db.$queryRaw<{ path: string; kind: DocumentKind; sourceId: string; documents: number }[]>`
      WITH v AS (${visible})
      SELECT p.path, v.kind, v."sourceId", count(DISTINCT v."documentId")::int AS documents
      FROM v CROSS JOIN LATERAL (
        SELECT array_to_string((string_to_array(v."planPath", '.'))[1:k], '.') AS path
        FROM generate_series(1, cardinality(string_to_array(v."planPath", '.'))) AS k
      ) p
      GROUP BY p.path, v.kind, v."sourceId"`,
    db.planTarget.findMany({
      where: { kind: { in: ["goal", "target"] } },
      select: { id: true, kind: true, text: true, planNode: { select: { path: true } } },
      orderBy: [{ planNode: { ordinal: "asc" } }, { lineStart: "asc" }, { id: "asc" }],
    }),
    // A target is addressed by a link to it, or by a link whose evidence cites its paragraph.
    db.$queryRaw<{ id: string }[]>`
      WITH v AS (${visible})
      SELECT v."targetId" AS id FROM v WHERE v."targetId" IS NOT NULL
      UNION
      SELECT t.id FROM v
      JOIN "LinkEvidence" e ON e."linkId" = v.id
      JOIN "Paragraph" p ON p.id = e."planParagraphId"
      JOIN "PlanTarget" t ON t."planNodeId" = p."planNodeId" AND t."paragraphN" = p.n`,
    db.$queryRaw<{ id: string; kind: DocumentKind; title: string; sourceId: string }[]>`
      WITH v AS (${visible})
      SELECT d.id, d.kind, d.title, d."sourceId" FROM "Document" d JOIN "Source" s ON s.id = d."sourceId"
      WHERE (${kind}::text IS NULL OR d.kind::text = ${kind}) AND (${source}::text IS NULL OR d."sourceId" = ${source})
        AND NOT EXISTS (SELECT 1 FROM v WHERE v."documentId" = d.id)
      ORDER BY s.date DESC NULLS LAST, d."sourceId", d.ordinal`,
    db.$queryRaw<{ n: number }[]>`WITH v AS (${visible}) SELECT count(DISTINCT "documentId")::int AS n FROM v`,
  ]);

  const order = new Map(DOCUMENT_KINDS.map((k, i) => [k, i]));
  const columns: CoverageColumn[] = columnRows
    .map((c) => ({ key: columnKey(c.kind, c.sourceId), ...c }))
    .sort((a, b) => order.get(a.kind)! - order.get(b.kind)!);
  const byNode = new Map<string, { counts: Record<string, number>; total: number }>();
  for (const r of nodeCounts) {
    const entry =
      byNode.get(r.path) ??
      byNode.set(r.path, { counts: Object.fromEntries(columns.map((c) => [c.key, 0])), total: 0 }).get(r.path)!;
    entry.counts[columnKey(r.kind, r.sourceId)] = r.documents;
  }
  // A node's total counts distinct documents, not per column sums (one document sits in one column).
  for (const entry of byNode.values()) entry.total = Object.values(entry.counts).reduce((a, b) => a + b, 0);

  const rows: CoverageRow[] = nodes
    .filter((n) => n.kind !== "subsection")
    .map((n) => ({
      path: n.path,
      kind: n.kind,
      label: planNodeLabel(n),
      counts: byNode.get(n.path)?.counts ?? Object.fromEntries(columns.map((c) => [c.key, 0])),
      total: byNode.get(n.path)?.total ?? 0,
    }));
  const uncoveredNodes = nodes
    .filter((n) => n.kind !== "chapter" && !byNode.has(n.path))
    .map((n) => ({ path: n.path, kind: n.kind, label: planNodeLabel(n) }));
  const addressed = new Set(addressedRows.map((r) => r.id));
  const uncoveredTargets = targets
    .filter((t) => !addressed.has(t.id))
    .map((t) => ({ id: t.id, path: t.planNode.path, kind: t.kind, text: t.text }));

  return {
    columns,
    rows,
    uncoveredNodes,
    uncoveredTargets,
    addressedTargets: targets.length - uncoveredTargets.length,
    totalTargets: targets.length,
    unlinkedDocuments: unlinked.map((d) => ({ ...d, url: documentUrl(d.kind, d.id) })),
    linkedDocuments: linkedRows[0]?.n ?? 0,
  };
}

/** The plan chapters a person's documents address, with how many of their documents each. */
export async function listPlanChaptersForPerson(personId: string) {
  return readThrough("listPlanChaptersForPerson", ["corpus", "links"], loadPlanChaptersForPerson, personId);
}

async function loadPlanChaptersForPerson(personId: string) {
  const db = getDb();
  const docs = await db.documentPerson.findMany({ where: { personId }, select: { documentId: true } });
  const links = await db.link.findMany({
    where: { documentId: { in: docs.map((d) => d.documentId) }, orphanedAt: null, status: { not: "rejected" } },
    select: { documentId: true, planPath: true },
  });
  const byChapter = new Map<string, Set<string>>();
  for (const l of links) {
    const chapter = l.planPath.split(".")[0]!;
    byChapter.set(chapter, (byChapter.get(chapter) ?? new Set()).add(l.documentId));
  }
  const chapters = await db.planNode.findMany({
    where: { path: { in: [...byChapter.keys()] } },
    select: { path: true, number: true, title: true, ordinal: true },
    orderBy: { ordinal: "asc" },
  });
  return chapters.map((c) => ({ path: c.path, label: planNodeLabel(c), documents: byChapter.get(c.path)!.size }));
}
