/**
 * Shapes data-layer objects into the API contract (nothing more, nothing less). Each presenter
 * returns the type of its response schema, so a field the contract lacks, or one it asks for and
 * the data does not give, fails to compile instead of only in the contract test.
 */
import type { z } from "zod";
import type { DocumentDetail, DocumentListItem, DocumentParagraph, DocumentSummary } from "../data/documents";
import type { getPerson } from "../data/people";
import type { PlanNodeDetail, PlanOutlineNode, PlanTargetDto } from "../data/plan";
import type {
  documentDetailSchema,
  documentListSchema,
  documentSchema,
  paragraphSchema,
  personSchema,
  PlanNodeDetailOut,
  PlanNodeOut,
  planSchema,
  planTargetSchema,
  searchHitSchema,
  searchResultSchema,
  suggestionsSchema,
  targetListSchema,
} from "./schemas";

export type ApiDocument = z.infer<typeof documentSchema>;
export type ApiDocumentDetail = z.infer<typeof documentDetailSchema>;
export type ApiDocumentList = z.infer<typeof documentListSchema>;
export type ApiParagraph = z.infer<typeof paragraphSchema>;
export type ApiPlan = z.infer<typeof planSchema>;
export type ApiPlanTarget = z.infer<typeof planTargetSchema>;
export type ApiPlanTargetList = z.infer<typeof targetListSchema>;
export type ApiPerson = z.infer<typeof personSchema>;
export type ApiSearchHit = z.infer<typeof searchHitSchema>;
export type ApiSearchResult = z.infer<typeof searchResultSchema>;
export type ApiSuggestions = z.infer<typeof suggestionsSchema>;

export function toApiDocument(d: DocumentSummary): ApiDocument {
  return {
    id: d.id,
    kind: d.kind,
    title: d.title,
    url: d.url,
    date: d.date,
    source: { file: d.source.file, title: d.source.title, lineStart: d.source.lineStart, lineEnd: d.source.lineEnd },
    speakers: d.speakers.map((s) => ({ personId: s.personId, name: s.name, role: s.role, affiliation: s.affiliation })),
    topics: d.topics.map((t) => ({ slug: t.slug, name: t.name, score: t.score, origin: t.origin })),
  };
}

export function toApiDocumentList(list: {
  items: DocumentListItem[];
  total: number;
  page: number;
  pageSize: number;
}): ApiDocumentList {
  return {
    items: list.items.map((d) => ({
      ...toApiDocument(d),
      extract: d.extract && { text: d.extract.text, n: d.extract.n, url: d.extract.url, basis: d.extract.basis },
    })),
    total: list.total,
    page: list.page,
    pageSize: list.pageSize,
  };
}

function toApiParagraph(p: DocumentParagraph): ApiParagraph {
  return { id: p.id, n: p.n, text: p.text, headingLevel: p.headingLevel, lineStart: p.lineStart, lineEnd: p.lineEnd };
}

export function toApiDocumentDetail(d: DocumentDetail): ApiDocumentDetail {
  return { ...toApiDocument(d), paragraphs: d.paragraphs.map(toApiParagraph) };
}

const apiLevel = (path: string, level: number) => (path === "0" ? 0 : level);

export function toApiPlanNode(n: PlanOutlineNode): PlanNodeOut {
  return {
    path: n.path,
    level: apiLevel(n.path, n.level),
    number: n.number,
    title: n.title,
    children: n.children.map(toApiPlanNode),
  };
}

export function toApiPlan(plan: {
  title: string;
  metadata: Record<string, string>;
  nodes: PlanOutlineNode[];
}): ApiPlan {
  return { title: plan.title, metadata: plan.metadata, nodes: plan.nodes.map(toApiPlanNode) };
}

export function toApiTarget(t: PlanTargetDto): ApiPlanTarget {
  return {
    id: t.id,
    kind: t.kind,
    path: t.path,
    text: t.text,
    indicator: t.indicator,
    value: t.value,
    unit: t.unit,
    year: t.year,
    lineStart: t.lineStart,
  };
}

export function toApiTargetList(targets: PlanTargetDto[]): ApiPlanTargetList {
  return { items: targets.map(toApiTarget) };
}

export function toApiPlanNodeDetail(n: PlanNodeDetail): PlanNodeDetailOut {
  return {
    path: n.path,
    level: apiLevel(n.path, n.level),
    number: n.number,
    title: n.title,
    paragraphs: n.paragraphs.map(toApiParagraph),
    targets: n.targets.map(toApiTarget),
    figures: n.figures.map(({ name, fileName, missing }) => ({ name, fileName, missing })),
    children: n.children.map(toApiPlanNodeDetail),
  };
}

export function toApiPerson(person: NonNullable<Awaited<ReturnType<typeof getPerson>>>): ApiPerson {
  return {
    id: person.id,
    name: person.name,
    documents: person.documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      url: d.url,
      role: d.role,
      affiliation: d.affiliation,
      date: d.date,
    })),
  };
}

export function toApiSuggestions(items: readonly ApiSuggestions["items"][number][]): ApiSuggestions {
  return { items: items.map((s) => ({ type: s.type, label: s.label, url: s.url })) };
}

/**
 * A search result, from hits already presented by toApiSearchHit.
 */
export function toApiSearchResult(result: {
  total: number;
  complete: number;
  hits: readonly ApiSearchHit[];
  facets: ApiSearchResult["facets"];
  related: readonly string[];
}): ApiSearchResult {
  return {
    total: result.total,
    complete: result.complete,
    // Hits arrive already in the contract's shape (toApiSearchHit): no second copy field by field.
    hits: [...result.hits],
    facets: result.facets,
    related: [...result.related],
  };
}
