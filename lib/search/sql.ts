/**
 * The one module with raw SQL for search and ranking. Every value reaches PostgreSQL as a bound
 * parameter through Prisma.sql; user text is never spliced into the statement.
 */
import { Prisma } from "../generated/prisma/client";
import type { PrismaClient } from "../infra/prisma-client";
import type { SearchKind } from "../kinds";
import { tsqueryFor, type ParsedQuery, type QueryTerm } from "./query";

export interface SearchFilters {
  kind?: SearchKind;
  source?: string;
  person?: string;
  year?: number;
}

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export type Predicate = { like: string } | { tsquery: string } | { char: string };

/** The atomic conditions under which a paragraph matches a term (or, with synonyms, an expansion). */
function termPredicates(t: QueryTerm, withSynonyms: boolean): Predicate[] {
  const out: Predicate[] = [];
  const tsq = t.phrase ? "" : tsqueryFor(t.tokens);
  // Substring matching backs up segmentation (unknown words, words split differently). The
  // trigram index serves it from three characters on; a two-character word is an index token
  // of its own (search-mode segmentation emits them), and one character can only be a substring.
  if (t.phrase || !tsq || t.norm.length !== 2) out.push({ like: likePattern(t.norm) });
  // One-character words are too common as index tokens; substring matching covers them.
  if (tsq && t.norm.length > 1) out.push({ tsquery: tsq });
  if (withSynonyms) {
    for (const s of t.synonyms) {
      const stsq = tsqueryFor(s.tokens, "synonym");
      if (!stsq || s.norm.length >= 3) out.push({ like: likePattern(s.norm) });
      if (stsq) out.push({ tsquery: stsq });
    }
  }
  return out;
}

function renderPredicate(pred: Predicate, alias: Prisma.Sql): Prisma.Sql {
  if ("like" in pred) return Prisma.sql`${alias}."normText" LIKE ${pred.like}`;
  // The expression of the Paragraph_chars_idx index, character for character.
  if ("char" in pred) return Prisma.sql`string_to_array(${alias}."normText", NULL) @> ARRAY[${pred.char}::text]`;
  return Prisma.sql`${alias}.search @@ to_tsquery('simple', ${pred.tsquery})`;
}

function termMatch(t: QueryTerm, withSynonyms: boolean): Prisma.Sql {
  return Prisma.sql`(${Prisma.join(
    termPredicates(t, withSynonyms).map((pr) => renderPredicate(pr, Prisma.raw("p"))),
    " OR ",
  )})`;
}

/**
 * The clause that drives the candidate set: the one with the longest shortest term, as longer
 * words are rarer. (Intersecting every clause's set costs more: a common word's set is large.)
 */
function leadClause(query: ParsedQuery): number {
  let best = 0;
  let bestLength = -1;
  query.clauses.forEach((clause, i) => {
    const length = Math.min(...clause.map((t) => t.norm.length));
    if (length > bestLength) {
      best = i;
      bestLength = length;
    }
  });
  return best;
}

/**
 * Drops predicates implied by another one of the same OR: a paragraph containing 科技成果转化
 * contains 成果转化, and one holding the words 京津冀 & 协同 & 发展 holds 京津冀, so only the
 * weaker predicate needs a scan.
 */
export function withoutImplied(preds: Predicate[]): Predicate[] {
  const needle = (p: Predicate) => ("like" in p ? p.like.slice(1, -1) : null);
  // The words of a tsquery that is a plain conjunction ('a' & 'b'), or null.
  const words = (p: Predicate) => ("tsquery" in p && !p.tsquery.includes("|") ? new Set(p.tsquery.split(" & ")) : null);
  const implies = (p: Predicate, q: Predicate) => {
    const [np, nq] = [needle(p), needle(q)];
    if (np !== null && nq !== null) return np !== nq && np.includes(nq);
    const [wp, wq] = [words(p), words(q)];
    return wp !== null && wq !== null && wp.size > wq.size && [...wq].every((w) => wp.has(w));
  };
  const unique = preds.filter((p, i) => preds.findIndex((q) => JSON.stringify(q) === JSON.stringify(p)) === i);
  return unique.filter((p) => !unique.some((q) => implies(p, q)));
}

/**
 * The lead clause as an OR of index-friendly predicates, which PostgreSQL reads with one bitmap
 * scan per predicate (a one-character substring, which no index serves, with a sequential scan
 * that can run in parallel workers). The other clauses then filter these candidates only.
 */
function candidates(query: ParsedQuery): Prisma.Sql {
  const predicates = withoutImplied(query.clauses[leadClause(query)]!.flatMap((t) => termPredicates(t, true))).map(
    (pr) =>
      // A one-character substring is found through the index of each paragraph's characters.
      "like" in pr && [...pr.like.slice(1, -1)].length === 1 ? { char: pr.like.slice(1, -1) } : pr,
  );
  return Prisma.sql`(${Prisma.join(
    predicates.map((pr) => renderPredicate(pr, Prisma.raw("p"))),
    " OR ",
  )})`;
}

/** Relevance of a paragraph's text for one term: weighted full-text rank, substring occurrences, synonyms lower. */
function termScore(t: QueryTerm): Prisma.Sql {
  // Occurrences from byte lengths: octet_length reads the length word, where length() would
  // count the characters of the whole paragraph, twice; occurrences > 0 is the LIKE test.
  const occurrences = Prisma.sql`(octet_length(p."normText") - octet_length(replace(p."normText", ${t.norm}, ''))) / octet_length(${t.norm})`;
  const parts: Prisma.Sql[] = [
    // 0 without an occurrence, else 0.4 + 0.1 per occurrence up to five, from one evaluation.
    Prisma.sql`('{0, 0.5, 0.6, 0.7, 0.8, 0.9}'::float8[])[LEAST(5, ${occurrences}) + 1]`,
  ];
  // A one-character word is matched as a substring (see termPredicates), so occurrences and the
  // title rank it: a full-text rank would cost a call per paragraph holding the character.
  const tsq = t.phrase || t.norm.length === 1 ? "" : tsqueryFor(t.tokens);
  if (tsq) parts.push(Prisma.sql`ts_rank_cd('{0.1, 0.3, 0.6, 1.0}', p.search, to_tsquery('simple', ${tsq}), 1) * 2`);
  for (const s of t.synonyms) {
    const stsq = tsqueryFor(s.tokens, "synonym");
    parts.push(Prisma.sql`CASE WHEN p."normText" LIKE ${likePattern(s.norm)} THEN 0.25 ELSE 0 END`);
    if (stsq)
      parts.push(Prisma.sql`ts_rank_cd('{0.1, 0.3, 0.6, 1.0}', p.search, to_tsquery('simple', ${stsq}), 1) * 0.6`);
  }
  return Prisma.sql`(${Prisma.join(parts, " + ")})`;
}

/** Bonus of a group whose title (with speakers and office) holds the term. */
function termTitleScore(t: QueryTerm, title: Prisma.Sql): Prisma.Sql {
  const pattern = likePattern(t.norm);
  // The title is stored segmented (words between spaces): a term is looked for with the spaces
  // taken out, and as typed only when it has spaces of its own (which the compact form lacks).
  return t.norm.includes(" ")
    ? Prisma.sql`CASE WHEN ${title} LIKE ${pattern} THEN 0.8 ELSE 0 END`
    : Prisma.sql`CASE WHEN replace(${title}, ' ', '') LIKE ${pattern} THEN 0.8 ELSE 0 END`;
}

/** Conditions on the paragraph itself: the non-lead clauses and the exclusions. */
function otherClauses(query: ParsedQuery): Prisma.Sql {
  // The lead clause is enforced by the candidate set (see candidates()).
  const lead = leadClause(query);
  const conditions: Prisma.Sql[] = query.clauses
    .filter((_, i) => i !== lead)
    .map(
      (clause) =>
        Prisma.sql`(${Prisma.join(
          clause.map((t) => termMatch(t, true)),
          " OR ",
        )})`,
    );
  for (const t of query.excludes) conditions.push(Prisma.sql`NOT ${termMatch(t, false)}`);
  return conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}

/** Conditions on a group's document, plan and source (aliases gr, d, s of groupsCte). */
function filterConditions(filters: SearchFilters): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filters.kind === "plan") conditions.push(Prisma.sql`gr.doc_id IS NULL`);
  else if (filters.kind) conditions.push(Prisma.sql`d.kind = ${filters.kind}::"DocumentKind"`);
  if (filters.source) conditions.push(Prisma.sql`COALESCE(d."sourceId", pl."sourceId") = ${filters.source}`);
  if (filters.person)
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "DocumentPerson" dp WHERE dp."documentId" = gr.doc_id AND dp."personId" = ${filters.person})`,
    );
  if (filters.year) conditions.push(Prisma.sql`EXTRACT(YEAR FROM s.date) = ${filters.year}`);
  return conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}

/** A paragraph's text score: per clause, its best term. */
function scoreOf(query: ParsedQuery): Prisma.Sql {
  return query.clauses.length
    ? Prisma.join(
        query.clauses.map((c) => Prisma.sql`GREATEST(${Prisma.join(c.map(termScore), ", ")})`),
        " + ",
      )
    : Prisma.sql`0`;
}

/**
 * A group's title score: per clause, its best term. The search title is the same on every
 * paragraph of a group, so it is tested once per group rather than once per matching paragraph.
 */
function titleScoreOf(query: ParsedQuery, title: Prisma.Sql): Prisma.Sql {
  return query.clauses.length
    ? Prisma.join(
        query.clauses.map(
          (c) =>
            Prisma.sql`GREATEST(${Prisma.join(
              c.map((t) => termTitleScore(t, title)),
              ", ",
            )})`,
        ),
        " + ",
      )
    : Prisma.sql`0`;
}

/** Every clause (and no exclusion) holds for the paragraph. */
function allClauses(query: ParsedQuery): Prisma.Sql {
  const conditions = query.clauses.map(
    (clause) =>
      Prisma.sql`(${Prisma.join(
        clause.map((t) => termMatch(t, true)),
        " OR ",
      )})`,
  );
  for (const t of query.excludes) conditions.push(Prisma.sql`NOT ${termMatch(t, false)}`);
  return conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}

/**
 * The matching documents and plan nodes ("groups") with their kind, source, date, score and
 * number of matching paragraphs, as a CTE body. Filters are properties of a group, so they
 * apply after grouping: the paragraph-level work stays the same and the joins see one row per
 * group, not one per paragraph.
 */
function groupsCte(query: ParsedQuery, filters: SearchFilters, { scored = true } = {}): Prisma.Sql {
  // The innermost query scores the candidates where they are read and passes on only narrow
  // rows: the wide text columns never reach the aggregate. OFFSET 0 keeps the planner from
  // moving the scoring and clause conditions elsewhere.
  return Prisma.sql`
    SELECT gr.gid, CASE WHEN gr.doc_id IS NULL THEN 'plan' ELSE d.kind::text END AS kind,
           COALESCE(d."sourceId", pl."sourceId") AS source_id, s.date AS source_date,
           gr.best + ${scored ? titleScoreOf(query, Prisma.sql`gr.title`) : Prisma.sql`0`} + 0.15 * LN(gr.hits) AS gscore, gr.hits
    FROM (
      -- Grouping by the title as well does not split a group (its paragraphs share the title) and
      -- hands the title on without comparing strings, as MIN() would.
      SELECT gid, MIN(doc_id) AS doc_id, title, MAX(score) AS best, COUNT(*)::int AS hits
      FROM (
        SELECT COALESCE(p."documentId", p."planNodeId") AS gid, p."documentId" AS doc_id, p."searchTitle" AS title,
               (${scored ? scoreOf(query) : Prisma.sql`0`}) AS score
        FROM "Paragraph" p
        WHERE ${candidates(query)} AND ${otherClauses(query)}
        OFFSET 0
      ) m
      GROUP BY gid, title
    ) gr
    LEFT JOIN "Document" d ON d.id = gr.doc_id
    LEFT JOIN "PlanNode" pn ON gr.doc_id IS NULL AND pn.id = gr.gid
    LEFT JOIN "Plan" pl ON pl.id = pn."planId"
    LEFT JOIN "Source" s ON s.id = COALESCE(d."sourceId", pl."sourceId")
    WHERE ${filterConditions(filters)}`;
}

export interface GroupRow {
  gid: string;
  kind: SearchKind;
  score: number;
  hits: number;
}

export interface PassageRow {
  gid: string;
  id: string;
  n: number;
  text: string;
  /** The headings the paragraph sits under, segmented (see Paragraph.searchContext). */
  context: string;
  score: number;
}

type FacetName = "kind" | "source" | "person" | "year";

/** Counts per value of one facet over the groups in CTE `g`, as rows (facet, key, n). */
function facetCounts(facet: FacetName): Prisma.Sql {
  switch (facet) {
    case "kind":
      return Prisma.sql`SELECT 'kind' AS facet, kind AS key, COUNT(*) AS n FROM g GROUP BY kind`;
    case "source":
      return Prisma.sql`SELECT 'source', source_id, COUNT(*) FROM g WHERE source_id IS NOT NULL GROUP BY source_id`;
    case "year":
      return Prisma.sql`SELECT 'year', EXTRACT(YEAR FROM source_date)::int::text, COUNT(*) FROM g WHERE source_date IS NOT NULL GROUP BY 2`;
    case "person":
      return Prisma.sql`SELECT 'person', dp."personId", COUNT(*) FROM g JOIN "DocumentPerson" dp ON dp."documentId" = g.gid GROUP BY dp."personId"`;
  }
}

/**
 * One statement for the page of groups, the total and (optionally) the counts of the facets that
 * have no filter set: the matched groups are computed once and read three ways.
 */
export async function searchGroups(
  db: PrismaClient,
  query: ParsedQuery,
  filters: SearchFilters,
  options: { offset: number; limit: number; sort: "relevance" | "date"; facets?: boolean },
): Promise<{ total: number; groups: GroupRow[]; facets: Partial<FacetRows> }> {
  const order =
    options.sort === "date" ? Prisma.sql`source_date DESC NULLS LAST, gscore DESC, gid` : Prisma.sql`gscore DESC, gid`;
  const facetParts = options.facets
    ? Prisma.sql`UNION ALL SELECT 'facet', NULL, NULL, NULL, NULL, f.facet, f.key, f.n FROM (${Prisma.join(FACETS.map(facetCounts), " UNION ALL ")}) f`
    : Prisma.empty;
  const rows = await db.$queryRaw<
    {
      part: "page" | "total" | "facet";
      gid: string | null;
      kind: SearchKind | null;
      score: number | null;
      hits: number | null;
      facet: FacetName | null;
      key: string | null;
      n: bigint | null;
    }[]
  >`
    WITH g AS MATERIALIZED (${groupsCte(query, filters)})
    SELECT 'page' AS part, gid, kind, gscore::float8 AS score, hits, NULL::text AS facet, NULL::text AS key, NULL::bigint AS n
    FROM (SELECT * FROM g ORDER BY ${order} OFFSET ${options.offset} LIMIT ${options.limit}) page
    UNION ALL SELECT 'total', NULL, NULL, NULL, NULL, NULL, NULL, COUNT(*) FROM g
    ${facetParts}`;
  const facets: Partial<FacetRows> = {};
  for (const r of rows.filter((x) => x.part === "facet")) (facets[r.facet!] ??= {})[r.key!] = Number(r.n);
  return {
    total: Number(rows.find((r) => r.part === "total")?.n ?? 0),
    facets,
    groups: rows
      .filter((r) => r.part === "page")
      .map((g) => ({ gid: g.gid!, kind: g.kind!, score: Number(g.score), hits: g.hits ?? 0 })),
  };
}

/**
 * The best passages of the given groups (a page of results), best first per group: their own
 * paragraphs, scored, with no candidate search over the whole table.
 */
export async function searchPassages(
  db: PrismaClient,
  query: ParsedQuery,
  gids: string[],
  perGroup: number,
): Promise<Map<string, PassageRow[]>> {
  const byGroup = new Map<string, PassageRow[]>();
  if (!gids.length || !query.clauses.length) return byGroup;
  const score = scoreOf(query);
  const rows = await db.$queryRaw<PassageRow[]>`
    SELECT gid, id, n, text, context, score FROM (
      SELECT COALESCE(p."documentId", p."planNodeId") AS gid, p.id, p.n, p.text, p."searchContext" AS context, (${score})::float8 AS score,
             ROW_NUMBER() OVER (PARTITION BY COALESCE(p."documentId", p."planNodeId") ORDER BY (${score}) DESC, p.n) AS rk
      -- The page's own paragraphs are a few hundred: testing the clauses on each is cheaper than
      -- intersecting with the full-text index's bitmap of every match (OFFSET 0 keeps it so).
      FROM (SELECT * FROM "Paragraph" p WHERE p."documentId" = ANY(${gids}) OR p."planNodeId" = ANY(${gids}) OFFSET 0) p
      WHERE ${allClauses(query)}
    ) x WHERE rk <= ${perGroup} ORDER BY gid, rk`;
  for (const p of rows) byGroup.set(p.gid, [...(byGroup.get(p.gid) ?? []), { ...p, score: Number(p.score) }]);
  return byGroup;
}

export interface FacetRows {
  kind: Record<string, number>;
  source: Record<string, number>;
  person: Record<string, number>;
  year: Record<string, number>;
}

/** The facets (and filters) of search, in the order they are shown. */
export const FACETS = ["kind", "source", "person", "year"] as const;

/**
 * Counts of matching documents/plan nodes for the facets that have a filter set, each counted
 * without its own filter (so the other values stay visible). searchGroups counts the others.
 */
export async function searchActiveFacets(
  db: PrismaClient,
  query: ParsedQuery,
  filters: SearchFilters,
): Promise<Partial<FacetRows>> {
  const active = FACETS.filter((f) => filters[f] !== undefined);
  const results = await Promise.all(
    active.map(
      (f) =>
        db.$queryRaw<{ facet: keyof FacetRows; key: string; n: bigint }[]>`
        WITH g AS (${groupsCte(query, { ...filters, [f]: undefined }, { scored: false })})
        ${facetCounts(f)}`,
    ),
  );
  const out: Partial<FacetRows> = {};
  for (const r of results.flat()) (out[r.facet] ??= {})[r.key] = Number(r.n);
  for (const f of active) out[f] ??= {};
  return out;
}

/** All four facets, most frequent values first, at most 50 each. */
export function mergeFacets(...parts: Partial<FacetRows>[]): FacetRows {
  const out: FacetRows = { kind: {}, source: {}, person: {}, year: {} };
  for (const part of parts) for (const f of FACETS) if (part[f]) out[f] = part[f];
  for (const f of FACETS)
    out[f] = Object.fromEntries(
      Object.entries(out[f])
        .sort((x, y) => y[1] - x[1])
        .slice(0, 50),
    );
  return out;
}
