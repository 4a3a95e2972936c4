import type { PrismaClient } from "../infra/prisma-client";
import { findRanges, snippet } from "./highlight";
import { normalizeText } from "./normalize";
import { highlightNeedles, parseQuery, type ParsedQuery } from "./query";
import {
  mergeFacets,
  searchActiveFacets,
  searchGroups,
  searchPassages,
  type FacetRows,
  type SearchFilters,
  type SearchKind,
} from "./sql";
import { documentUrl, formatDate, planNodeLabel, planNodeUrl } from "../urls";
import { planNodeAncestorIds } from "../ingest/ids";

export interface SearchHit {
  kind: SearchKind;
  documentId: string | null;
  planPath: string | null;
  title: string;
  url: string;
  paragraphId: string;
  paragraphN: number;
  snippet: { text: string; highlights: [number, number][] };
  passages: {
    paragraphId: string;
    n: number;
    url: string;
    snippet: { text: string; highlights: [number, number][] };
  }[];
  matchedTerms: string[];
  score: number;
  date: string | null;
  speakers: string[];
  /** For a plan node, the chapter and sections it sits under, outermost first. */
  breadcrumb: string[];
}

export interface SearchResult {
  query: ParsedQuery;
  total: number;
  hits: SearchHit[];
  facets: FacetRows;
}

/**
 * Which terms (or their synonyms) the passages and title contain, for "why it matched"; a term
 * found only in the headings the passages sit under (a plan node's chapter) says so.
 */
export function matchedTermsOf(query: ParsedQuery, texts: string[], context: string[] = []): string[] {
  const norm = texts.map(normalizeText).join("\n");
  const around = context.map(normalizeText).join("\n");
  const out: string[] = [];
  for (const clause of query.clauses) {
    for (const t of clause) {
      if (norm.includes(t.norm)) out.push(t.raw);
      else if (around.includes(t.norm)) out.push(`${t.raw}（所在章节标题）`);
      else if (t.tokens.length > 1 && t.tokens.every((tok) => norm.includes(tok)))
        out.push(`${t.raw}（${t.tokens.join(" + ")}）`);
      else {
        const syn = t.synonyms.find((s) => norm.includes(s.norm));
        if (syn) out.push(`${t.raw} → 同义词“${syn.norm}”`);
        else {
          const some = t.tokens.filter((tok) => norm.includes(tok));
          if (some.length) out.push(`${t.raw}（部分：${some.join(" + ")}）`);
        }
      }
    }
  }
  return out;
}

export interface SearchParams {
  q: string;
  filters: SearchFilters;
  page: number;
  pageSize: number;
  sort: "relevance" | "date";
  withFacets?: boolean;
}

export async function searchWith(db: PrismaClient, params: SearchParams): Promise<SearchResult> {
  const query = parseQuery(params.q);
  const empty = { kind: {}, source: {}, person: {}, year: {} };
  if (!query.clauses.length) return { query, total: 0, hits: [], facets: empty };
  const withFacets = params.withFacets !== false;
  // Three round trips, each as wide as it can be: the page, total and unfiltered facets in one
  // statement, beside the facets that have a filter; then passages and titles of the page.
  const [{ total, groups, facets: groupFacets }, activeFacets] = await Promise.all([
    searchGroups(db, query, params.filters, {
      offset: (params.page - 1) * params.pageSize,
      limit: params.pageSize,
      sort: params.sort,
      facets: withFacets,
    }),
    withFacets ? searchActiveFacets(db, query, params.filters) : {},
  ]);
  const facets = withFacets ? mergeFacets(groupFacets, activeFacets) : empty;
  const docIds = groups.filter((g) => g.kind !== "plan").map((g) => g.gid);
  const nodeIds = groups.filter((g) => g.kind === "plan").map((g) => g.gid);
  const [passagesByGroup, docs, nodes] = await Promise.all([
    searchPassages(
      db,
      query,
      groups.map((g) => g.gid),
      3,
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
    const base = doc ? documentUrl(doc.kind, doc.id) : null;
    const anchor = (n: number) => (doc ? `${base}#p-${n}` : `/plan/${node!.path.split(".")[0]}#${node!.path}-p-${n}`);
    const best = passagesByGroup.get(g.gid) ?? [];
    const passages = best.map((b) => ({
      paragraphId: b.id,
      n: b.n,
      url: anchor(b.n),
      snippet: snippet(b.text, findRanges(b.text, needles)),
    }));
    const top = passages[0]!;
    hits.push({
      kind: g.kind,
      documentId: doc?.id ?? null,
      planPath: node?.path ?? null,
      title: doc ? doc.title : planNodeLabel(node!),
      url: doc ? base! : planNodeUrl(node!.path),
      paragraphId: top.paragraphId,
      paragraphN: top.n,
      snippet: top.snippet,
      passages,
      matchedTerms: matchedTermsOf(
        query,
        best.map((b) => b.text).concat(doc ? [doc.title, ...doc.speakers.map((x) => x.person.name)] : node!.title),
        best.map((b) => b.context),
      ),
      score: Math.round(g.score * 1000) / 1000,
      date: doc ? formatDate(doc.source.date, doc.source.datePrecision) : null,
      speakers: doc ? doc.speakers.map((s) => s.person.name) : [],
      breadcrumb: doc
        ? []
        : planNodeAncestorIds(g.gid).flatMap((id) => (nodeById.has(id) ? [planNodeLabel(nodeById.get(id)!)] : [])),
    });
  }
  return { query, total, hits, facets };
}

/** Title, person and plan-node suggestions for the search box. */
export async function suggestWith(db: PrismaClient, q: string) {
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
    ...people.map((p) => ({ type: "person" as const, label: p.name, url: `/people/${p.id}` })),
    ...nodes.map((n) => ({ type: "plan" as const, label: planNodeLabel(n), url: planNodeUrl(n.path) })),
  ];
}
