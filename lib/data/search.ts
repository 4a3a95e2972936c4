/**
 * Search's data layer: runs the ranking SQL (lib/search/sql.ts), reads the titles, speakers and
 * plan ancestors of a page of hits, and assembles the hits with their URLs, snippets and reasons.
 *
 * `searchWith` and `suggestWith` take the Prisma client, so the eval and bench scripts run them
 * on their own client; `searchCorpus` and `suggest` use the server's. This module does not
 * import `server-only` itself: the server's client (lib/db.ts, which does) is imported on first
 * use, so that a script can import this module and a client bundle still cannot.
 */
import type { PrismaClient } from "../infra/prisma-client";
import { planNodeAncestorIds } from "../ingest/ids";
import type { SearchKind } from "../kinds";
import { findRanges, snippet } from "../search/highlight";
import { matchesOf, missingTerms, type Match } from "../search/match";
import { normalizeText } from "../search/normalize";
import { highlightNeedles, parseQuery, withCorpusWords, wordsToCount, type ParsedQuery } from "../search/query";
import { FEW_RESULTS, relatedSearches } from "../search/related";
import { thesaurus } from "../search/thesaurus";
import {
  documentFrequencies,
  frequencyWords,
  mergeFacets,
  searchActiveFacets,
  searchGroups,
  searchPassages,
  type FacetRows,
  type SearchFilters,
} from "../search/sql";
import {
  documentParagraphUrl,
  documentUrl,
  formatDate,
  personUrl,
  planNodeLabel,
  planNodeUrl,
  planParagraphUrl,
} from "../urls";

type Snippet = { text: string; highlights: [number, number][] };

export interface SearchHit {
  kind: SearchKind;
  documentId: string | null;
  planPath: string | null;
  title: string;
  url: string;
  paragraphId: string;
  paragraphN: number;
  snippet: Snippet;
  passages: { paragraphId: string; n: number; url: string; snippet: Snippet }[];
  /** How it matched, term by term (the search page words these; the API returns them as data). */
  matches: Match[];
  /** The query's words this hit lacks: a partial match when not empty. */
  missing: string[];
  score: number;
  date: string | null;
  speakers: string[];
  /** For a plan node, the chapter and sections it sits under, outermost first. */
  breadcrumb: string[];
}

export interface SearchResult {
  query: ParsedQuery;
  total: number;
  /** How many of the total hold every word of the query (the rest are partial matches, ranked after). */
  complete: number;
  hits: SearchHit[];
  facets: FacetRows;
  /** With no or few results: related searches, from the thesaurus and the passages found. */
  related: string[];
}

export interface SearchParams {
  q: string;
  filters: SearchFilters;
  page: number;
  pageSize: number;
  sort: "relevance" | "date";
  withFacets?: boolean;
  /** The added signals, all on unless turned off (for the benchmark's cost of each). */
  signals?: { thesaurus?: boolean; parts?: boolean; weighting?: boolean };
}

export interface Suggestion {
  type: "document" | "person" | "plan";
  label: string;
  url: string;
}

export async function searchWith(db: PrismaClient, params: SearchParams): Promise<SearchResult> {
  const parsed = parseQuery(params.q, params.signals);
  const weighting = params.signals?.weighting;
  // One read of the document frequencies (kept per corpus generation, so a statement only for words
  // not yet counted): long terms' words the corpus never uses are read as the words inside them, and
  // the ranking weighs by the rest (read again only for words the new reading brings).
  let df = await documentFrequencies(db, [...wordsToCount(parsed), ...frequencyWords(parsed, weighting)]);
  const query = withCorpusWords(parsed, df);
  const unread = frequencyWords(query, weighting).filter((w) => !df.has(w));
  if (unread.length) df = new Map([...df, ...(await documentFrequencies(db, unread))]);
  const empty = { kind: {}, source: {}, person: {}, year: {}, topic: {} };
  if (!query.clauses.length) return { query, total: 0, complete: 0, hits: [], facets: empty, related: [] };
  const withFacets = params.withFacets !== false;
  // The page, total and unfiltered facets in one statement (two or three when the strict reading
  // finds few groups), then the facets that have a filter; then passages and titles of the page.
  const {
    total,
    complete,
    groups,
    facets: groupFacets,
    withParts,
    mode,
    commonWords,
  } = await searchGroups(db, query, params.filters, {
    offset: (params.page - 1) * params.pageSize,
    limit: params.pageSize,
    sort: params.sort,
    facets: withFacets,
    weighting,
    df,
  });
  // The facets with a filter set are counted over the same candidates the groups were found in.
  const activeFacets = withFacets
    ? await searchActiveFacets(db, query, params.filters, withParts, mode, commonWords)
    : {};
  const facets = withFacets ? mergeFacets(groupFacets, activeFacets) : empty;
  const docIds = groups.filter((g) => g.kind !== "plan").map((g) => g.gid);
  const nodeIds = groups.filter((g) => g.kind === "plan").map((g) => g.gid);
  const [passagesByGroup, docs, nodes] = await Promise.all([
    searchPassages(
      db,
      query,
      groups.map((g) => g.gid),
      3,
      commonWords,
    ),
    docIds.length
      ? db.document.findMany({
          where: { id: { in: docIds } },
          select: {
            id: true,
            kind: true,
            title: true,
            source: { select: { date: true, datePrecision: true } },
            speakers: { select: { person: { select: { name: true } } }, orderBy: { position: "asc" } },
          },
        })
      : [],
    // The page's plan nodes with their ancestors, for the breadcrumb ("(三)主要目标" alone says little).
    nodeIds.length
      ? db.planNode.findMany({
          where: { id: { in: [...new Set(nodeIds.flatMap((id) => [id, ...planNodeAncestorIds(id)]))] } },
          select: { id: true, path: true, number: true, title: true },
        })
      : [],
  ]);
  const docById = new Map(docs.map((d) => [d.id, d]));
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const needles = highlightNeedles(query);

  const hits: SearchHit[] = [];
  for (const g of groups) {
    const doc = docById.get(g.gid);
    const node = nodeById.get(g.gid);
    if (!doc && !node) continue;
    const paragraphUrl = (n: number) =>
      doc ? documentParagraphUrl(doc.kind, doc.id, n) : planParagraphUrl(node!.path, n);
    const best = passagesByGroup.get(g.gid) ?? [];
    const passages = best.map((b) => ({
      paragraphId: b.id,
      n: b.n,
      url: paragraphUrl(b.n),
      snippet: snippet(b.text, findRanges(b.text, needles)),
    }));
    const top = passages[0]!;
    const speakers = doc ? doc.speakers.map((s) => s.person.name) : [];
    const matches = matchesOf(
      query,
      best.map((b) => b.norm),
      doc ? [doc.title, ...speakers] : [node!.title],
      best.map((b) => b.context),
      { normalized: true },
    );
    hits.push({
      kind: g.kind,
      documentId: doc?.id ?? null,
      planPath: node?.path ?? null,
      title: doc ? doc.title : planNodeLabel(node!),
      url: doc ? documentUrl(doc.kind, doc.id) : planNodeUrl(node!.path),
      paragraphId: top.paragraphId,
      paragraphN: top.n,
      snippet: top.snippet,
      passages,
      matches,
      missing: g.covered < query.clauses.length ? missingTerms(query, matches) : [],
      score: Math.round(g.score * 1000) / 1000,
      date: doc ? formatDate(doc.source.date, doc.source.datePrecision) : null,
      speakers,
      breadcrumb: doc
        ? []
        : planNodeAncestorIds(g.gid).flatMap((id) => (nodeById.has(id) ? [planNodeLabel(nodeById.get(id)!)] : [])),
    });
  }
  const related =
    total < FEW_RESULTS
      ? relatedSearches(
          query,
          thesaurus().vocabulary(),
          hits.flatMap((h) => h.passages.map((p) => p.snippet.text)),
        )
      : [];
  return { query, total, complete, hits, facets, related };
}

/** Title, person and plan-node suggestions for the search box. */
export async function suggestWith(db: PrismaClient, q: string): Promise<Suggestion[]> {
  const norm = normalizeText(q).replace(/\s+/g, "").slice(0, 40);
  if (!norm) return [];
  const [docs, people, nodes] = await Promise.all([
    db.document.findMany({
      where: { title: { contains: norm } },
      select: { id: true, kind: true, title: true },
      take: 5,
      orderBy: { ordinal: "asc" },
    }),
    db.person.findMany({ where: { name: { contains: norm } }, select: { id: true, name: true }, take: 4 }),
    db.planNode.findMany({
      where: { title: { contains: norm } },
      select: { path: true, number: true, title: true },
      take: 4,
      orderBy: { ordinal: "asc" },
    }),
  ]);
  return [
    ...docs.map((d) => ({ type: "document" as const, label: d.title, url: documentUrl(d.kind, d.id) })),
    ...people.map((p) => ({ type: "person" as const, label: p.name, url: personUrl(p.id) })),
    ...nodes.map((n) => ({ type: "plan" as const, label: planNodeLabel(n), url: planNodeUrl(n.path) })),
  ];
}

async function serverDb(): Promise<PrismaClient> {
  const { getDb } = await import("../db");
  return getDb();
}

export async function searchCorpus(params: SearchParams): Promise<SearchResult> {
  // The topic filter and facet need to know which documents and plan nodes are on which topic.
  // ./topics is server-only: imported on first use, as the client is, so that the eval and bench
  // scripts can import this module.
  const topics =
    params.withFacets !== false || params.filters.topic ? await (await import("./topics")).listTopicPairs() : undefined;
  return searchWith(await serverDb(), { ...params, filters: { ...params.filters, topics } });
}

export async function suggest(q: string): Promise<Suggestion[]> {
  return suggestWith(await serverDb(), q);
}
