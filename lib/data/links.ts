import "server-only";
import { cache } from "react";
import { getDb } from "../db";
import { readThrough } from "./cached";
import type { DocumentKind, LinkBand, LinkOrigin, PlanTargetKind, Prisma } from "../generated/prisma/client";
import { documentUrl, formatDate, planNodeLabel } from "../urls";

/** What readers and the API see: an orphaned link is one whose anchors were lost at an ingest (ADR 0005). */
export type LinkStatusView = "suggested" | "confirmed" | "rejected" | "orphaned";
export const LINK_STATUSES = ["confirmed", "suggested", "orphaned", "rejected"] as const satisfies LinkStatusView[];

export interface LinkEvidenceView {
  paragraphId: string | null;
  /** Paragraph number in the document (its anchor), null while orphaned. */
  paragraphN: number | null;
  quote: string;
  planParagraphId: string | null;
  /** The plan node the plan paragraph belongs to (the link's node or one below it). */
  planParagraphPath: string | null;
  planParagraphN: number | null;
  planQuote: string;
  terms: string[];
  score: number;
}

export interface LinkView {
  id: string;
  documentId: string;
  planPath: string;
  planNodeLabel: string;
  targetId: string | null;
  targetText: string | null;
  targetKind: PlanTargetKind | null;
  score: number;
  band: LinkBand;
  status: LinkStatusView;
  origin: LinkOrigin;
  method: string;
  methodVersion: string;
  note: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  orphanReason: string | null;
  createdAt: string;
  updatedAt: string;
  evidence: LinkEvidenceView[];
}

export interface LinkedDocument {
  id: string;
  /** Null when the document is gone since the link was made (the link is orphaned). */
  kind: DocumentKind | null;
  title: string;
  url: string | null;
  date: string | null;
  sourceId: string;
  sourceTitle: string;
  speakers: { personId: string; name: string }[];
}

export interface PlanNodeLink extends LinkView {
  document: LinkedDocument;
}

const linkSelect = {
  id: true,
  documentId: true,
  documentTitle: true,
  planId: true,
  planPath: true,
  planNodeTitle: true,
  targetId: true,
  targetText: true,
  score: true,
  band: true,
  status: true,
  origin: true,
  orphanedAt: true,
  orphanReason: true,
  method: true,
  methodVersion: true,
  note: true,
  decidedBy: true,
  decidedAt: true,
  createdAt: true,
  updatedAt: true,
  evidence: {
    select: {
      paragraphId: true,
      paragraphQuote: true,
      planParagraphId: true,
      planParagraphQuote: true,
      terms: true,
      score: true,
    },
    orderBy: { rank: "asc" },
  },
} satisfies Prisma.LinkSelect;

type LinkRow = Prisma.LinkGetPayload<{ select: typeof linkSelect }>;

const statusOf = (l: Pick<LinkRow, "status" | "orphanedAt">): LinkStatusView => (l.orphanedAt ? "orphaned" : l.status);
const statusRank = (s: LinkStatusView) => LINK_STATUSES.indexOf(s);

/** Confirmed first, then by score: the order the issue and readers expect. */
const byStatusThenScore = (a: LinkView, b: LinkView) =>
  statusRank(a.status) - statusRank(b.status) || b.score - a.score || a.id.localeCompare(b.id);

/** Resolves the corpus rows a set of links points at now: paragraph numbers, node labels, targets. */
async function present(rows: LinkRow[]): Promise<LinkView[]> {
  if (!rows.length) return [];
  const db = getDb();
  const paragraphIds = [
    ...new Set(rows.flatMap((l) => l.evidence.flatMap((e) => [e.paragraphId, e.planParagraphId]))),
  ].filter((x): x is string => x !== null);
  const [paragraphs, nodes, targets] = await Promise.all([
    db.paragraph.findMany({
      where: { id: { in: paragraphIds } },
      select: { id: true, n: true, planNode: { select: { path: true } } },
    }),
    db.planNode.findMany({
      where: { path: { in: [...new Set(rows.map((l) => l.planPath))] } },
      select: { planId: true, path: true, number: true, title: true },
    }),
    db.planTarget.findMany({
      where: { id: { in: rows.flatMap((l) => (l.targetId ? [l.targetId] : [])) } },
      select: { id: true, kind: true },
    }),
  ]);
  const paragraphById = new Map(paragraphs.map((p) => [p.id, p]));
  const nodeByKey = new Map(nodes.map((n) => [`${n.planId}\u0000${n.path}`, n]));
  const targetKind = new Map(targets.map((t) => [t.id, t.kind]));
  return rows.map((l) => {
    const status = statusOf(l);
    const orphaned = status === "orphaned";
    const node = nodeByKey.get(`${l.planId}\u0000${l.planPath}`);
    return {
      id: l.id,
      documentId: l.documentId,
      planPath: l.planPath,
      planNodeLabel: node ? planNodeLabel(node) : l.planNodeTitle,
      targetId: l.targetId,
      targetText: l.targetText,
      targetKind: (l.targetId && targetKind.get(l.targetId)) || null,
      score: l.score,
      band: l.band,
      status,
      origin: l.origin,
      method: l.method,
      methodVersion: l.methodVersion,
      note: l.note,
      decidedBy: l.decidedBy,
      decidedAt: l.decidedAt?.toISOString() ?? null,
      orphanReason: l.orphanReason,
      createdAt: l.createdAt.toISOString(),
      updatedAt: l.updatedAt.toISOString(),
      evidence: l.evidence.map((e) => {
        // An orphaned link's stored ids may name other passages now: show its quotes only.
        const p = !orphaned && e.paragraphId ? paragraphById.get(e.paragraphId) : undefined;
        const q = !orphaned && e.planParagraphId ? paragraphById.get(e.planParagraphId) : undefined;
        return {
          paragraphId: p ? e.paragraphId : null,
          paragraphN: p?.n ?? null,
          quote: e.paragraphQuote,
          planParagraphId: q ? e.planParagraphId : null,
          planParagraphPath: q?.planNode?.path ?? null,
          planParagraphN: q?.n ?? null,
          planQuote: e.planParagraphQuote,
          terms: e.terms,
          score: e.score,
        };
      }),
    };
  });
}

export interface LinkListOptions {
  /** Rejected links are kept for the record but hidden from readers unless asked for. */
  includeRejected?: boolean;
}

const visible = (o: LinkListOptions): Prisma.LinkWhereInput =>
  o.includeRejected ? {} : { status: { not: "rejected" } };

/** The plan nodes and targets a document addresses, confirmed first, then by score. */
export const listLinksForDocument = cache(
  async (documentId: string, options: LinkListOptions = {}): Promise<LinkView[]> =>
    readThrough("linksForDocument", ["corpus", "links"], loadLinksForDocument, documentId, options),
);

async function loadLinksForDocument(documentId: string, options: LinkListOptions): Promise<LinkView[]> {
  const rows = await getDb().link.findMany({ where: { documentId, ...visible(options) }, select: linkSelect });
  return (await present(rows)).sort(byStatusThenScore);
}

const linkedDocumentSelect = {
  id: true,
  kind: true,
  title: true,
  source: { select: { id: true, title: true, date: true, datePrecision: true } },
  speakers: { select: { person: { select: { id: true, name: true } } }, orderBy: { position: "asc" } },
} satisfies Prisma.DocumentSelect;

async function linkedDocuments(ids: string[]): Promise<Map<string, LinkedDocument>> {
  const rows = await getDb().document.findMany({ where: { id: { in: ids } }, select: linkedDocumentSelect });
  return new Map(
    rows.map((d) => [
      d.id,
      {
        id: d.id,
        kind: d.kind,
        title: d.title,
        url: documentUrl(d.kind, d.id),
        date: formatDate(d.source.date, d.source.datePrecision),
        sourceId: d.source.id,
        sourceTitle: d.source.title,
        speakers: d.speakers.map((s) => ({ personId: s.person.id, name: s.person.name })),
      },
    ]),
  );
}

/** The document a link resolves to, or what its anchor remembers of it. */
function documentOrAnchor(
  row: { documentId: string; documentTitle: string; documentSourceId: string },
  documents: Map<string, LinkedDocument>,
): LinkedDocument {
  return (
    documents.get(row.documentId) ?? {
      id: row.documentId,
      kind: null,
      title: row.documentTitle,
      url: null,
      date: null,
      sourceId: row.documentSourceId,
      sourceTitle: "",
      speakers: [],
    }
  );
}

/**
 * The documents that address a plan node — and, with `descendants`, any node below it — each with
 * the document it comes from. A link whose document is gone (orphaned) is listed from its anchors.
 */
export const listLinksForPlanNode = cache(
  async (path: string, options: LinkListOptions & { descendants?: boolean } = {}): Promise<PlanNodeLink[]> =>
    readThrough("linksForPlanNode", ["corpus", "links"], loadLinksForPlanNode, path, options),
);

async function loadLinksForPlanNode(
  path: string,
  options: LinkListOptions & { descendants?: boolean },
): Promise<PlanNodeLink[]> {
  const where: Prisma.LinkWhereInput = {
    AND: [
      options.descendants ? { OR: [{ planPath: path }, { planPath: { startsWith: `${path}.` } }] } : { planPath: path },
      visible(options),
    ],
  };
  const rows = await getDb().link.findMany({ where, select: { ...linkSelect, documentSourceId: true } });
  const [views, documents] = await Promise.all([
    present(rows),
    linkedDocuments([...new Set(rows.map((r) => r.documentId))]),
  ]);
  const sourceOf = new Map(rows.map((r) => [r.id, r]));
  return views.sort(byStatusThenScore).map((v) => {
    return { ...v, document: documentOrAnchor(sourceOf.get(v.id)!, documents) };
  });
}

export const getLink = cache(async (id: string): Promise<PlanNodeLink | null> =>
  readThrough("link", ["corpus", "links"], loadLink, id),
);

async function loadLink(id: string): Promise<PlanNodeLink | null> {
  const row = await getDb().link.findUnique({ where: { id }, select: { ...linkSelect, documentSourceId: true } });
  if (!row) return null;
  const [[view], documents] = await Promise.all([present([row]), linkedDocuments([row.documentId])]);
  return { ...view!, document: documentOrAnchor(row, documents) };
}

/** One link between a document and a node, if any (the compare view's evidence). */
export async function findLink(documentId: string, planPath: string): Promise<LinkView | null> {
  const rows = await getDb().link.findMany({
    where: { documentId, planPath, status: { not: "rejected" } },
    select: linkSelect,
  });
  const views = (await present(rows)).sort(byStatusThenScore);
  return views.find((v) => v.targetId === null) ?? views[0] ?? null;
}
