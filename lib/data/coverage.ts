import "server-only";
import { getDb } from "../db";
import type { DocumentKind, PlanNodeKind, PlanTargetKind, Prisma } from "../generated/prisma/client";
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

export async function getCoverage(filter: CoverageFilter): Promise<Coverage> {
  const db = getDb();
  const documentWhere: Prisma.DocumentWhereInput = { kind: filter.kind, sourceId: filter.source };
  const [documents, nodes, targets, links] = await Promise.all([
    db.document.findMany({
      where: documentWhere,
      select: { id: true, kind: true, title: true, sourceId: true, source: { select: { title: true, date: true } } },
      orderBy: [{ source: { date: "desc" } }, { sourceId: "asc" }, { ordinal: "asc" }],
    }),
    db.planNode.findMany({
      where: { kind: { in: ["chapter", "section", "subsection"] } },
      select: { path: true, kind: true, number: true, title: true },
      orderBy: { ordinal: "asc" },
    }),
    db.planTarget.findMany({
      where: { kind: { in: ["goal", "target"] } },
      select: {
        id: true,
        kind: true,
        text: true,
        paragraphN: true,
        planNode: { select: { path: true, ordinal: true } },
      },
      orderBy: [{ planNode: { ordinal: "asc" } }, { lineStart: "asc" }, { id: "asc" }],
    }),
    db.link.findMany({
      where: {
        orphanedAt: null,
        status: filter.status === "confirmed" ? "confirmed" : { not: "rejected" },
      },
      select: { documentId: true, planPath: true, targetId: true, evidence: { select: { planParagraphId: true } } },
    }),
  ]);

  const docById = new Map(documents.map((d) => [d.id, d]));
  const inFilter = links.filter((l) => docById.has(l.documentId));

  const columns = new Map<string, CoverageColumn>();
  for (const kind of DOCUMENT_KINDS) {
    for (const d of documents.filter((x) => x.kind === kind)) {
      const key = columnKey(d.kind, d.sourceId);
      const col = columns.get(key) ?? { key, kind, sourceId: d.sourceId, sourceTitle: d.source.title, documents: 0 };
      col.documents++;
      columns.set(key, col);
    }
  }

  // Documents per node, counting a link to a subsection for its section and chapter too.
  const docsAt = new Map<string, Set<string>>();
  for (const l of inFilter) {
    const parts = l.planPath.split(".");
    for (let k = 1; k <= parts.length; k++) {
      const path = parts.slice(0, k).join(".");
      docsAt.set(path, (docsAt.get(path) ?? new Set()).add(l.documentId));
    }
  }
  const rows: CoverageRow[] = nodes
    .filter((n) => n.kind !== "subsection")
    .map((n) => {
      const docs = [...(docsAt.get(n.path) ?? [])];
      const counts: Record<string, number> = Object.fromEntries([...columns.keys()].map((k) => [k, 0]));
      for (const id of docs) {
        const d = docById.get(id)!;
        counts[columnKey(d.kind, d.sourceId)]!++;
      }
      return { path: n.path, kind: n.kind, label: planNodeLabel(n), counts, total: docs.length };
    });

  const uncoveredNodes = nodes
    .filter((n) => n.kind !== "chapter" && !docsAt.has(n.path))
    .map((n) => ({ path: n.path, kind: n.kind, label: planNodeLabel(n) }));

  // A target is addressed by a link to it, or by a node link whose evidence cites its paragraph.
  const targetLinked = new Set(inFilter.flatMap((l) => (l.targetId ? [l.targetId] : [])));
  const citedParagraphs = new Set(inFilter.flatMap((l) => l.evidence.map((e) => e.planParagraphId)));
  const planParagraphs = await db.paragraph.findMany({
    where: { id: { in: [...citedParagraphs].filter((x): x is string => x !== null) } },
    select: { n: true, planNode: { select: { path: true } } },
  });
  const cited = new Set(planParagraphs.map((p) => `${p.planNode?.path}#${p.n}`));
  const addressed = (t: (typeof targets)[number]) =>
    targetLinked.has(t.id) || (t.paragraphN !== null && cited.has(`${t.planNode.path}#${t.paragraphN}`));
  const uncoveredTargets = targets
    .filter((t) => !addressed(t))
    .map((t) => ({ id: t.id, path: t.planNode.path, kind: t.kind, text: t.text }));

  const linkedIds = new Set(inFilter.map((l) => l.documentId));
  const unlinkedDocuments = documents
    .filter((d) => !linkedIds.has(d.id))
    .map((d) => ({ id: d.id, kind: d.kind, title: d.title, url: documentUrl(d.kind, d.id), sourceId: d.sourceId }));

  return {
    columns: [...columns.values()],
    rows,
    uncoveredNodes,
    uncoveredTargets,
    addressedTargets: targets.length - uncoveredTargets.length,
    totalTargets: targets.length,
    unlinkedDocuments,
    linkedDocuments: linkedIds.size,
  };
}

/** The plan chapters a person's documents address, with how many of their documents each. */
export async function listPlanChaptersForPerson(personId: string) {
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
