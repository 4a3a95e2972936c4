/**
 * Shapes the data layer's links and coverage into the API contract of ./link-schemas. Each
 * presenter returns the type of its response schema, so the contract and the code cannot drift.
 */
import type { z } from "zod";
import { toCsv } from "../csv";
import type { Coverage, CoverageFilter } from "../data/coverage";
import type { LinkEventView } from "../data/curation";
import type { LinkedDocument, LinkEvidenceView, LinkView, PlanNodeLink } from "../data/links";
import { compareUrl, planNodeUrl } from "../urls";
import type {
  coverageSchema,
  linkDetailSchema,
  linkedDocumentSchema,
  linkEvidenceSchema,
  linkListSchema,
  linkSchema,
  planNodeLinkListSchema,
  planNodeLinkSchema,
} from "./link-schemas";

export type ApiLink = z.infer<typeof linkSchema>;
export type ApiLinkEvidence = z.infer<typeof linkEvidenceSchema>;
export type ApiLinkList = z.infer<typeof linkListSchema>;
export type ApiLinkedDocument = z.infer<typeof linkedDocumentSchema>;
export type ApiPlanNodeLink = z.infer<typeof planNodeLinkSchema>;
export type ApiPlanNodeLinkList = z.infer<typeof planNodeLinkListSchema>;
export type ApiLinkDetail = z.infer<typeof linkDetailSchema>;
export type ApiCoverage = z.infer<typeof coverageSchema>;

function toApiLinkEvidence(e: LinkEvidenceView): ApiLinkEvidence {
  return {
    paragraphId: e.paragraphId,
    paragraphN: e.paragraphN,
    quote: e.quote,
    planParagraphId: e.planParagraphId,
    planParagraphPath: e.planParagraphPath,
    planParagraphN: e.planParagraphN,
    planQuote: e.planQuote,
    terms: e.terms,
    score: e.score,
  };
}

/** Who decided is public: provenance is a feature (issue 12). */
export function toApiLink(l: LinkView): ApiLink {
  return {
    id: l.id,
    documentId: l.documentId,
    planPath: l.planPath,
    planNodeLabel: l.planNodeLabel,
    planUrl: planNodeUrl(l.planPath),
    targetId: l.targetId,
    targetText: l.targetText,
    targetKind: l.targetKind,
    score: l.score,
    band: l.band,
    status: l.status,
    origin: l.origin,
    method: l.method,
    methodVersion: l.methodVersion,
    note: l.note,
    decidedBy: l.decidedBy,
    decidedAt: l.decidedAt,
    orphanReason: l.orphanReason,
    createdAt: l.createdAt,
    updatedAt: l.updatedAt,
    compareUrl: compareUrl(l.documentId, l.planPath),
    evidence: l.evidence.map(toApiLinkEvidence),
  };
}

export function toApiLinkList(links: readonly LinkView[]): ApiLinkList {
  return { items: links.map(toApiLink) };
}

function toApiLinkedDocument(d: LinkedDocument): ApiLinkedDocument {
  return {
    id: d.id,
    kind: d.kind,
    title: d.title,
    url: d.url,
    date: d.date,
    sourceId: d.sourceId,
    sourceTitle: d.sourceTitle,
    speakers: d.speakers.map((s) => ({ personId: s.personId, name: s.name })),
  };
}

export function toApiPlanNodeLink(l: PlanNodeLink): ApiPlanNodeLink {
  return { ...toApiLink(l), document: toApiLinkedDocument(l.document) };
}

export function toApiPlanNodeLinkList(links: readonly PlanNodeLink[]): ApiPlanNodeLinkList {
  return { items: links.map(toApiPlanNodeLink) };
}

export function toApiLinkDetail(l: PlanNodeLink, history: readonly LinkEventView[]): ApiLinkDetail {
  return {
    ...toApiPlanNodeLink(l),
    planNode: { path: l.planPath, label: l.planNodeLabel, url: planNodeUrl(l.planPath) },
    history: history.map((e) => ({
      id: e.id,
      action: e.action,
      actorName: e.actorName,
      at: e.at,
      note: e.note,
      before: e.before,
      after: e.after,
    })),
  };
}

export function toApiCoverage(c: Coverage, filter: CoverageFilter): ApiCoverage {
  return {
    filter: { kind: filter.kind ?? null, source: filter.source ?? null, status: filter.status },
    columns: c.columns.map((col) => ({
      key: col.key,
      kind: col.kind,
      sourceId: col.sourceId,
      sourceTitle: col.sourceTitle,
      documents: col.documents,
    })),
    rows: c.rows.map((r) => ({ path: r.path, kind: r.kind, label: r.label, counts: r.counts, total: r.total })),
    uncoveredNodes: c.uncoveredNodes.map((n) => ({ path: n.path, kind: n.kind, label: n.label })),
    uncoveredTargets: c.uncoveredTargets.map((t) => ({ id: t.id, path: t.path, kind: t.kind, text: t.text })),
    addressedTargets: c.addressedTargets,
    totalTargets: c.totalTargets,
    unlinkedDocuments: c.unlinkedDocuments.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      url: d.url,
      sourceId: d.sourceId,
    })),
    linkedDocuments: c.linkedDocuments,
  };
}

/**
 * The coverage matrix for a spreadsheet: a BOM (so Excel reads the Chinese as UTF-8), a header
 * row, then one row per chapter and section with one column per document group and a total.
 */
export function coverageToCsv(c: Coverage): string {
  const header = ["path", "kind", "label", ...c.columns.map((col) => `${col.sourceTitle} (${col.kind})`), "total"];
  return toCsv([
    header,
    ...c.rows.map((r) => [r.path, r.kind, r.label, ...c.columns.map((col) => r.counts[col.key] ?? 0), r.total]),
  ]);
}
