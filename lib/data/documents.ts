import "server-only";
import { cache } from "react";
import fs from "node:fs";
import path from "node:path";
import { getDb } from "../db";
import { readThrough } from "./cached";
import type { DocumentKind, Prisma } from "../generated/prisma/client";
import { corpusDir } from "../infra/paths";
import { documentExtract, type DocumentExtract } from "../extract";
import { documentGenre, type DocumentGenre } from "../kinds";
import { comparePinyin } from "../pinyin";
import { documentParagraphUrl, documentUrl, formatDate } from "../urls";
import type { DocumentSort } from "./params";
import { documentIdsOnTopic, topicCountsAmong, topicsOfDocuments, type TopicChip } from "./topics";

const documentSelect = {
  id: true,
  kind: true,
  title: true,
  subtitle: true,
  authoringOffice: true,
  ordinal: true,
  lineStart: true,
  lineEnd: true,
  source: { select: { id: true, file: true, format: true, title: true, body: true, date: true, datePrecision: true } },
  speakers: {
    select: { role: true, affiliation: true, person: { select: { id: true, name: true } } },
    orderBy: { position: "asc" },
  },
} satisfies Prisma.DocumentSelect;

type DocumentRow = Prisma.DocumentGetPayload<{ select: typeof documentSelect }>;

export interface DocumentSummary {
  id: string;
  kind: DocumentKind;
  /** Speech, written proposal, comment or report: what its people are called (lib/kinds PEOPLE_LABEL). */
  genre: DocumentGenre;
  title: string;
  subtitle: string | null;
  authoringOffice: string | null;
  url: string;
  date: string | null;
  source: { id: string; file: string; title: string; body: string; lineStart: number; lineEnd: number };
  speakers: { personId: string; name: string; role: string | null; affiliation: string | null }[];
  /** The document's topics as readers see them (the machine's, with editors' decisions applied), best first. */
  topics: TopicChip[];
}

function toSummary(d: DocumentRow): DocumentSummary {
  return {
    id: d.id,
    kind: d.kind,
    genre: documentGenre(d.kind, d.source.format),
    title: d.title,
    subtitle: d.subtitle,
    authoringOffice: d.authoringOffice,
    url: documentUrl(d.kind, d.id),
    date: formatDate(d.source.date, d.source.datePrecision),
    source: {
      id: d.source.id,
      file: d.source.file,
      title: d.source.title,
      body: d.source.body,
      lineStart: d.lineStart,
      lineEnd: d.lineEnd,
    },
    speakers: d.speakers.map((s) => ({
      personId: s.person.id,
      name: s.person.name,
      role: s.role,
      affiliation: s.affiliation,
    })),
    topics: [],
  };
}

export interface DocumentFilter {
  kind?: DocumentKind;
  source?: string;
  person?: string;
  /** A topic slug (validated by the caller against the taxonomy). */
  topic?: string;
  /** date (newest first; the default), title (pinyin) or source (its title, then the order in it). */
  sort?: DocumentSort;
  page: number;
  pageSize: number;
}

async function documentWhere(
  filter: Omit<DocumentFilter, "page" | "pageSize" | "sort">,
): Promise<Prisma.DocumentWhereInput> {
  return {
    kind: filter.kind,
    sourceId: filter.source,
    speakers: filter.person ? { some: { personId: filter.person } } : undefined,
    id: filter.topic ? { in: await documentIdsOnTopic(filter.topic) } : undefined,
  };
}

/** Topic slugs with how many documents each has under the other filters: the list offers only these. */
export async function topicFilterCounts(filter: Omit<DocumentFilter, "page" | "pageSize" | "topic" | "sort">) {
  return readThrough("topicFilterCounts", ["corpus", "topics"], loadTopicFilterCounts, filter);
}

async function loadTopicFilterCounts(filter: Omit<DocumentFilter, "page" | "pageSize" | "topic" | "sort">) {
  const ids = await getDb().document.findMany({ where: await documentWhere(filter), select: { id: true } });
  return topicCountsAmong(ids.map((d) => d.id));
}

/**
 * The sources and people that yield documents under the list's other filters (kind and topic
 * always; the person for the sources, the source for the people): a list offers only these.
 */
export async function sourceAndPersonOptions(filter: Omit<DocumentFilter, "page" | "pageSize" | "sort">) {
  return readThrough("sourceAndPersonOptions", ["corpus", "topics"], loadSourceAndPersonOptions, filter);
}

async function loadSourceAndPersonOptions(filter: Omit<DocumentFilter, "page" | "pageSize" | "sort">) {
  const rows = await getDb().document.findMany({
    where: await documentWhere({ kind: filter.kind, topic: filter.topic }),
    select: { sourceId: true, speakers: { select: { personId: true } } },
  });
  const sources = new Set<string>();
  const people = new Set<string>();
  for (const d of rows) {
    const personIds = d.speakers.map((s) => s.personId);
    if (!filter.person || personIds.includes(filter.person)) sources.add(d.sourceId);
    if (!filter.source || d.sourceId === filter.source) for (const id of personIds) people.add(id);
  }
  return { sources: [...sources], people: [...people] };
}

/** A list item: the document with its extract (the first recommendation or the abstract). */
export interface DocumentListItem extends DocumentSummary {
  extract: (DocumentExtract & { url: string }) | null;
}

export async function listDocuments(filter: DocumentFilter) {
  return readThrough("listDocuments", ["corpus", "topics"], loadDocuments, filter);
}

interface SortRow {
  id: string;
  title: string;
  ordinal: number;
  sourceId: string;
  source: { title: string; date: Date | null };
}

const byDate = (a: SortRow, b: SortRow) =>
  (b.source.date?.getTime() ?? -Infinity) - (a.source.date?.getTime() ?? -Infinity) ||
  a.sourceId.localeCompare(b.sourceId) ||
  a.ordinal - b.ordinal;

/** Orders of a list. Titles and sources sort by pinyin, which the database's collation does not know. */
const SORTS: Record<DocumentSort, (a: SortRow, b: SortRow) => number> = {
  date: byDate,
  title: (a, b) => comparePinyin(a.title, b.title) || a.id.localeCompare(b.id),
  source: (a, b) =>
    comparePinyin(a.source.title, b.source.title) || a.sourceId.localeCompare(b.sourceId) || a.ordinal - b.ordinal,
};

async function loadDocuments(filter: DocumentFilter) {
  const where = await documentWhere(filter);
  const db = getDb();
  // Sorted here (light rows), then one read of the page's documents in full.
  const light = await db.document.findMany({
    where,
    select: { id: true, title: true, ordinal: true, sourceId: true, source: { select: { title: true, date: true } } },
  });
  light.sort(SORTS[filter.sort ?? "date"]);
  const pageIds = light.slice((filter.page - 1) * filter.pageSize, filter.page * filter.pageSize).map((d) => d.id);
  const rows = await db.document.findMany({ where: { id: { in: pageIds } }, select: documentSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const summaries = await withTopics(pageIds.map((id) => toSummary(byId.get(id)!)));
  const extracts = await documentExtracts(summaries);
  return {
    items: summaries.map((d): DocumentListItem => ({ ...d, extract: extracts.get(d.id) ?? null })),
    total: light.length,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

/** Each document's extract (lib/extract), linking to the paragraph it starts at. */
export async function documentExtracts(
  documents: readonly { id: string; kind: DocumentKind }[],
): Promise<Map<string, DocumentExtract & { url: string }>> {
  if (!documents.length) return new Map();
  const paragraphs = await getDb().paragraph.findMany({
    where: { documentId: { in: documents.map((d) => d.id) } },
    select: { documentId: true, n: true, text: true, headingLevel: true },
    orderBy: [{ documentId: "asc" }, { n: "asc" }],
  });
  const byDocument = new Map<string, typeof paragraphs>();
  for (const p of paragraphs) {
    const list = byDocument.get(p.documentId!) ?? [];
    list.push(p);
    byDocument.set(p.documentId!, list);
  }
  const out = new Map<string, DocumentExtract & { url: string }>();
  for (const d of documents) {
    const extract = documentExtract(byDocument.get(d.id) ?? []);
    if (extract) out.set(d.id, { ...extract, url: documentParagraphUrl(d.kind, d.id, extract.n) });
  }
  return out;
}

async function withTopics<T extends DocumentSummary>(items: T[]): Promise<T[]> {
  const topics = await topicsOfDocuments(items.map((d) => d.id));
  return items.map((d) => ({ ...d, topics: topics.get(d.id) ?? [] }));
}

export interface DocumentParagraph {
  id: string;
  n: number;
  text: string;
  headingLevel: number | null;
  lineStart: number;
  lineEnd: number;
}

export interface DocumentDetail extends DocumentSummary {
  paragraphs: DocumentParagraph[];
  previous: { id: string; title: string; url: string } | null;
  next: { id: string; title: string; url: string } | null;
}

/** Cached per request: a page and its metadata ask for the same document. */
export const getDocument = cache(async (id: string): Promise<DocumentDetail | null> =>
  readThrough("getDocument", ["corpus", "topics"], loadDocument, id),
);

async function loadDocument(id: string): Promise<DocumentDetail | null> {
  const db = getDb();
  const doc = await db.document.findUnique({
    where: { id },
    select: {
      ...documentSelect,
      paragraphs: {
        select: { id: true, n: true, text: true, headingLevel: true, lineStart: true, lineEnd: true },
        orderBy: { n: "asc" },
      },
    },
  });
  if (!doc) return null;
  const siblings = await db.document.findMany({
    where: { sourceId: doc.source.id, ordinal: { in: [doc.ordinal - 1, doc.ordinal + 1] } },
    select: { id: true, kind: true, title: true, ordinal: true },
  });
  const link = (s?: { id: string; kind: DocumentKind; title: string }) =>
    s ? { id: s.id, title: s.title, url: documentUrl(s.kind, s.id) } : null;
  const [summary] = await withTopics([toSummary(doc)]);
  return {
    ...summary!,
    paragraphs: doc.paragraphs,
    previous: link(siblings.find((s) => s.ordinal === doc.ordinal - 1)),
    next: link(siblings.find((s) => s.ordinal === doc.ordinal + 1)),
  };
}

/** The original lines a document was parsed from, read from the corpus file. */
export async function getSourceLines(
  file: string,
  lineStart: number,
  lineEnd: number,
): Promise<{ n: number; text: string }[]> {
  const safe = path.basename(file);
  const text = await fs.promises.readFile(path.join(corpusDir, safe), "utf8").catch(() => null);
  if (text === null) return [];
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .slice(lineStart - 1, lineEnd)
    .map((t, i) => ({ n: lineStart + i, text: t }));
}

export async function listSources() {
  return readThrough("listSources", ["corpus"], loadSources);
}

async function loadSources() {
  const rows = await getDb().source.findMany({
    select: {
      id: true,
      title: true,
      body: true,
      level: true,
      file: true,
      date: true,
      datePrecision: true,
      _count: { select: { documents: true } },
    },
    orderBy: { date: "desc" },
  });
  return rows.map((s) => ({
    id: s.id,
    title: s.title,
    body: s.body,
    level: s.level,
    file: s.file,
    date: formatDate(s.date, s.datePrecision),
    documents: s._count.documents,
  }));
}

export async function listLatestDocuments(kind: DocumentKind, take: number) {
  return readThrough("listLatestDocuments", ["corpus", "topics"], loadLatestDocuments, kind, take);
}

async function loadLatestDocuments(kind: DocumentKind, take: number) {
  const rows = await getDb().document.findMany({
    where: { kind },
    select: documentSelect,
    orderBy: [{ source: { date: "desc" } }, { ordinal: "asc" }],
    take,
  });
  return withTopics(rows.map(toSummary));
}

export interface DocumentChoice {
  id: string;
  kind: DocumentKind;
  title: string;
  date: string | null;
  speakers: string[];
}

/** Every document, light (no text): what an editor picks from when adding a document to a plan node. */
export async function listDocumentChoices(): Promise<DocumentChoice[]> {
  return readThrough("listDocumentChoices", ["corpus"], loadDocumentChoices);
}

async function loadDocumentChoices(): Promise<DocumentChoice[]> {
  const rows = await getDb().document.findMany({
    select: {
      id: true,
      kind: true,
      title: true,
      source: { select: { date: true, datePrecision: true } },
      speakers: { select: { person: { select: { name: true } } }, orderBy: { position: "asc" } },
    },
    orderBy: [{ kind: "asc" }, { source: { date: "desc" } }, { sourceId: "asc" }, { ordinal: "asc" }],
  });
  return rows.map((d) => ({
    id: d.id,
    kind: d.kind,
    title: d.title,
    date: formatDate(d.source.date, d.source.datePrecision),
    speakers: d.speakers.map((s) => s.person.name),
  }));
}
