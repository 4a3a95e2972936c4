/**
 * The one module with raw SQL for search and ranking. Every value reaches PostgreSQL as a bound
 * parameter through Prisma.sql; user text is never spliced into the statement.
 */
import { LRUCache } from "lru-cache";
import { Prisma } from "../generated/prisma/client";
import type { PrismaClient } from "../infra/prisma-client";
import type { SearchKind } from "../kinds";
import { partWords, tsqueryFor, weightedWords, type ParsedQuery, type QueryTerm } from "./query";
import { standsFor } from "./thesaurus";

export interface SearchFilters {
  kind?: SearchKind;
  source?: string;
  person?: string;
  year?: number;
  /** A topic slug; counted and filtered through `topics` (the caller's effective topic pairs). */
  topic?: string;
  /**
   * Which documents and plan nodes are on which topic (ids beside slugs, as readers see them:
   * editors' decisions applied), for the topic filter and facet. Read by the caller, once per request.
   */
  topics?: { ids: string[]; slugs: string[] };
}

const NO_WORDS: ReadonlySet<string> = new Set();

/**
 * A word held by more than this share of all paragraphs is too common to find candidates where it
 * stands for more than itself: a compound's part (大兴 in 大兴机场, 企业 in 企业贷款难) does not find
 * them alone, nor does a question's pair of two such words (产业 and 规划 in 大兴机场周边有什么产业
 * 规划？). A passage holding only them is little evidence, and at scale they would bring in a tenth
 * of the corpus. They still score where a paragraph is a candidate.
 */
export const COMMON_WORD_SHARE = 0.08;

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export type Predicate = { like: string } | { tsquery: string } | { char: string };

/**
 * The index-friendly condition for "the paragraph contains this word": the trigram index from three
 * characters on, the word's own index token for two (search-mode segmentation emits them), and
 * one character as a substring (served by the index of each paragraph's characters).
 */
function containsPredicate(word: string): Predicate {
  const tsq = [...word].length === 2 ? tsqueryFor([word], "synonym") : "";
  return tsq ? { tsquery: tsq } : { like: likePattern(word) };
}

/**
 * The atomic conditions under which a paragraph matches a term; with `expanded`, also its
 * synonyms, thesaurus neighbours and the parts of a compound.
 */
function termPredicates(
  t: QueryTerm,
  expanded: boolean,
  withParts = true,
  commonWords: ReadonlySet<string> = NO_WORDS,
): Predicate[] {
  const out: Predicate[] = [];
  const tsq = t.phrase ? "" : tsqueryFor(t.tokens, "literal", commonWords, t.wordSynonyms);
  // Substring matching backs up segmentation (unknown words, words split differently). The
  // trigram index serves it from three characters on; a two-character word is an index token
  // of its own (search-mode segmentation emits them), and one character can only be a substring.
  if (t.phrase || !tsq || t.norm.length !== 2) out.push({ like: likePattern(t.norm) });
  // One-character words are too common as index tokens; substring matching covers them.
  if (tsq && t.norm.length > 1) out.push({ tsquery: tsq });
  if (expanded) {
    for (const e of t.expansions) out.push(containsPredicate(e.norm));
    if (withParts) {
      for (const part of t.parts) if (!commonWords.has(part)) out.push(containsPredicate(part));
      for (const e of t.partExpansions) if (!commonWords.has(e.norm)) out.push(containsPredicate(e.norm));
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

function termMatch(t: QueryTerm, expanded: boolean): Prisma.Sql {
  return Prisma.sql`(${Prisma.join(
    termPredicates(t, expanded).map((pr) => renderPredicate(pr, Prisma.raw("p"))),
    " OR ",
  )})`;
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
 * The candidate paragraphs: those matching any clause (a document with most of the words is a
 * result too, ranked below those with all), as one OR of index-friendly predicates that
 * PostgreSQL reads with one bitmap scan each.
 */
function candidates(
  query: ParsedQuery,
  {
    withParts = true,
    clauses = query.clauses,
    commonWords = NO_WORDS,
    indexed = true,
  }: {
    withParts?: boolean;
    clauses?: QueryTerm[][];
    commonWords?: ReadonlySet<string>;
    /** Whether the predicates drive index scans (else they are tested row by row). */
    indexed?: boolean;
  } = {},
): Prisma.Sql {
  const predicates = withoutImplied(clauses.flat().flatMap((t) => termPredicates(t, true, withParts, commonWords))).map(
    (pr) =>
      // A one-character substring is found through the index of each paragraph's characters; tested
      // row by row, LIKE is far cheaper than splitting the text into its characters.
      indexed && "like" in pr && [...pr.like.slice(1, -1)].length === 1 ? { char: pr.like.slice(1, -1) } : pr,
  );
  return Prisma.sql`(${Prisma.join(
    predicates.map((pr) => renderPredicate(pr, Prisma.raw("p"))),
    " OR ",
  )})`;
}

/**
 * The clause that drives the candidates when every clause must hold in one paragraph: the one
 * with the longest shortest term, as longer words are rarer.
 */
function leadClause(query: ParsedQuery): number {
  let best = 0;
  let bestLength = -1;
  query.clauses.forEach((clause, i) => {
    const length = Math.min(...clause.map((t) => t.norm.length));
    if (length > bestLength) [best, bestLength] = [i, length];
  });
  return best;
}

/** Paragraphs holding every clause (expansions included, parts not): the fast path of several words. */
function together(query: ParsedQuery): Prisma.Sql {
  const lead = leadClause(query);
  const others = query.clauses
    .filter((_, i) => i !== lead)
    .map(
      (c) =>
        Prisma.sql`(${Prisma.join(
          c.flatMap((t) => termPredicates(t, true, false)).map((pr) => renderPredicate(pr, Prisma.raw("p"))),
          " OR ",
        )})`,
    );
  return Prisma.sql`${candidates(query, { withParts: false, clauses: [query.clauses[lead]!] })} AND ${Prisma.join(others, " AND ")}`;
}

/** Occurrences of a word in the paragraph, from byte lengths (octet_length reads the length word). */
function occurrences(word: string): Prisma.Sql {
  return Prisma.sql`((octet_length(p."normText") - octet_length(replace(p."normText", ${word}, ''))) / octet_length(${word}))`;
}

/**
 * Whether the paragraph holds a word, as a score: what an expansion or a part is worth. Cheaper
 * than counting occurrences (strpos stops at the first), and each paragraph pays it for every
 * expansion and part of the query.
 */
function presence(word: string): Prisma.Sql {
  return Prisma.sql`(CASE WHEN strpos(p."normText", ${word}) > 0 THEN ${PRESENT}::float8 ELSE 0 END)`;
}
/** What one occurrence of a word scores (see occurrenceScore): an expansion or part found scores that much. */
const PRESENT = 0.6;

/** 0 without an occurrence, else 0.4 + 0.1 per occurrence up to five, from one evaluation. */
function occurrenceScore(count: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`('{0, 0.5, 0.6, 0.7, 0.8, 0.9}'::float8[])[LEAST(5, GREATEST(0, ${count})) + 1]`;
}

/** At most this many characters between two words of a term that count as the term (nearPattern). */
export const NEAR_GAP = 10;

/**
 * A regular expression for a term's words in any order with at most NEAR_GAP characters between
 * neighbours: the words of a compound within one clause. Null for one word or more than four.
 */
export function nearPattern(
  tokens: readonly string[],
  synonyms: Readonly<Record<string, string[]>> = {},
): string | null {
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const words = [...new Set(tokens)].map((w) =>
    synonyms[w]?.length ? `(?:${[w, ...synonyms[w]].map(escape).join("|")})` : escape(w),
  );
  if (words.length < 2 || words.length > 4) return null;
  const orders: string[][] = [];
  const permute = (done: string[], rest: string[]) => {
    if (!rest.length) orders.push(done);
    rest.forEach((w, i) => permute([...done, w], [...rest.slice(0, i), ...rest.slice(i + 1)]));
  };
  permute([], words);
  return orders.map((o) => o.join(`.{0,${NEAR_GAP}}`)).join("|");
}

/** Weight of a compound's parts found where the whole is not, shared among its parts. */
export const PART_WEIGHT = 0.5;
/** A character found only inside words where it does not mean itself (水 in 水平). */
const NOT_THE_WORD_SCORE = 0.1;

/**
 * Relevance of a paragraph's text for one term: weighted full-text rank and substring
 * occurrences of the literal term, plus the best of its expansions (each at its weight).
 */
function termScore(t: QueryTerm): Prisma.Sql {
  let literal: Prisma.Sql;
  if (t.notTheWord.length) {
    // 水 means water: occurrences inside 水平 or 水准 do not count, but still match, lowest.
    const inside = Prisma.join(
      t.notTheWord.map((w) => Prisma.sql`${occurrences(w)} * ${w.split(t.norm).length - 1}`),
      " + ",
    );
    const own = Prisma.sql`(${occurrences(t.norm)} - (${inside}))`;
    literal = Prisma.sql`(CASE WHEN ${own} > 0 THEN ${occurrenceScore(own)} WHEN p."normText" LIKE ${likePattern(t.norm)} THEN ${NOT_THE_WORD_SCORE}::float8 ELSE 0 END)`;
  } else literal = occurrenceScore(occurrences(t.norm));
  // A one-character word is matched as a substring (see termPredicates), so occurrences and the
  // title rank it: a full-text rank would cost a call per paragraph holding the character.
  const tsq = t.phrase || t.norm.length === 1 ? "" : tsqueryFor(t.tokens, "literal", undefined, t.wordSynonyms);
  const rank = Prisma.sql`ts_rank_cd('{0.1, 0.3, 0.6, 1.0}', p.search, to_tsquery('simple', ${tsq}), 1) * 2`;
  // A paragraph holding every word of the term close together (农产品直播电商 for 农产品电商,
  // 新药进入医保 for 新药进医保) counts at least as one occurrence of it: the literal words outrank
  // any expansion, which scores below one. The tsquery leaves one-character words out; the window
  // counts them (债 of 地方债风险: 地方 and 风险 in one paragraph are not the term).
  const near = nearPattern(t.tokens, t.wordSynonyms);
  const together = near
    ? Prisma.sql`(CASE WHEN p."normText" ~ ${near} THEN GREATEST(${literal}, ${occurrenceScore(Prisma.sql`1`)}) ELSE ${literal} END)`
    : literal;
  // The rank is 0 where the query does not match, and testing a conjunction is a fraction of
  // ranking: most candidates of several typed words hold only some, so most ranks are skipped. A
  // question's any-two-words query matches nearly every candidate (they are found by it).
  const parts: Prisma.Sql[] = !tsq
    ? [literal]
    : tsq.includes("|")
      ? [literal, rank]
      : [
          Prisma.sql`(CASE WHEN p.search @@ to_tsquery('simple', ${tsq}) THEN ${together} + ${rank} ELSE ${literal} END)`,
        ];
  // The term's own expansions are counted as the term is (they stand for it: a report that keeps
  // saying 交通拥堵 is about 堵车); parts and their neighbours are only looked for (partScore).
  const alternatives: Prisma.Sql[] = t.expansions.map(
    (e) => Prisma.sql`${e.weight}::float8 * ${occurrenceScore(occurrences(e.norm))}`,
  );
  if (alternatives.length) parts.push(Prisma.sql`GREATEST(${Prisma.join(alternatives, ", ")})`);
  return Prisma.sql`(${Prisma.join(parts, " + ")})`;
}

/**
 * The score of a compound's parts found alone (企业, 贷款 for 企业贷款难): counted only for a
 * group where the term itself (or an expansion) is absent, which then ranks after those with it.
 */
function partScore(t: QueryTerm): Prisma.Sql {
  const scores: Prisma.Sql[] = [];
  if (t.parts.length)
    scores.push(
      Prisma.sql`${PART_WEIGHT / t.parts.length}::float8 * (${Prisma.join(
        t.parts.map((w) => presence(w)),
        " + ",
      )})`,
    );
  // The best thesaurus neighbour of a word inside it, at that neighbour's weight.
  if (t.partExpansions.length)
    scores.push(
      Prisma.sql`${PART_WEIGHT}::float8 * GREATEST(${Prisma.join(
        t.partExpansions.map((e) => Prisma.sql`${e.weight}::float8 * ${presence(e.norm)}`),
        ", ",
      )})`,
    );
  return scores.length ? Prisma.join(scores, " + ") : Prisma.sql`0::float8`;
}

/** The title as a term is looked for in it (termTitleScore, clauseTitleHeld). */
function titleFor(t: QueryTerm, title: Prisma.Sql): Prisma.Sql {
  // The title is stored segmented (words between spaces): a term is looked for with the spaces
  // taken out, and as typed only when it has spaces of its own (which the compact form lacks).
  let compact = t.norm.includes(" ") ? title : Prisma.sql`replace(${title}, ' ', '')`;
  // A character typed alone does not count inside the words where it does not mean itself (水平).
  for (const w of t.notTheWord) compact = Prisma.sql`replace(${compact}, ${w}, '')`;
  return compact;
}

/** Bonus of a group whose title (with speakers and office) holds the term, or less, an expansion. */
function termTitleScore(t: QueryTerm, title: Prisma.Sql): Prisma.Sql {
  const scores = [Prisma.sql`CASE WHEN ${titleFor(t, title)} LIKE ${likePattern(t.norm)} THEN 0.8 ELSE 0 END`];
  for (const e of t.expansions)
    scores.push(
      Prisma.sql`CASE WHEN replace(${title}, ' ', '') LIKE ${likePattern(e.norm)} THEN ${0.8 * e.weight}::float8 ELSE 0 END`,
    );
  return scores.length === 1 ? scores[0]! : Prisma.sql`GREATEST(${Prisma.join(scores, ", ")})`;
}

/** Whether the paragraph holds the clause itself: literally, or through an expansion standing for it. */
function clauseHeld(clause: QueryTerm[]): Prisma.Sql {
  const preds = clause.flatMap((t) => [
    ...termPredicates(t, false).map((pr) => renderPredicate(pr, Prisma.raw("p"))),
    ...t.expansions.filter(standsFor).map((e) => Prisma.sql`strpos(p."normText", ${e.norm}) > 0`),
  ]);
  return Prisma.sql`(CASE WHEN ${Prisma.join(preds, " OR ")} THEN 1 ELSE 0 END)`;
}

/** Whether the group's title holds the clause itself (as clauseHeld). */
function clauseTitleHeld(clause: QueryTerm[], title: Prisma.Sql): Prisma.Sql {
  const preds = clause.flatMap((t) => [
    Prisma.sql`${titleFor(t, title)} LIKE ${likePattern(t.norm)}`,
    ...t.expansions.filter(standsFor).map((e) => Prisma.sql`replace(${title}, ' ', '') LIKE ${likePattern(e.norm)}`),
  ]);
  return Prisma.sql`(${Prisma.join(preds, " OR ")})`;
}

/** The paragraph holds none of the excluded terms. */
function exclusions(query: ParsedQuery): Prisma.Sql {
  return query.excludes.length
    ? Prisma.join(
        query.excludes.map((t) => Prisma.sql`NOT ${termMatch(t, false)}`),
        " AND ",
      )
    : Prisma.sql`TRUE`;
}

/** Conditions on a group's document, plan and source (aliases gr, pl, s of groupsCte). */
function filterConditions(filters: SearchFilters): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filters.kind === "plan") conditions.push(Prisma.sql`gr.doc_id IS NULL`);
  else if (filters.kind) conditions.push(Prisma.sql`gr.doc_kind = ${filters.kind}::"DocumentKind"`);
  if (filters.source) conditions.push(Prisma.sql`COALESCE(gr.doc_source, pl."sourceId") = ${filters.source}`);
  if (filters.person)
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "DocumentPerson" dp WHERE dp."documentId" = gr.doc_id AND dp."personId" = ${filters.person})`,
    );
  if (filters.year) conditions.push(Prisma.sql`EXTRACT(YEAR FROM s.date) = ${filters.year}`);
  if (filters.topic) {
    const { ids, slugs } = filters.topics ?? { ids: [], slugs: [] };
    const onTopic = ids.filter((_, i) => slugs[i] === filters.topic);
    conditions.push(Prisma.sql`gr.gid = ANY(${onTopic}::text[])`);
  }
  return conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}

/** A clause's score in a paragraph: its best term. */
function clauseScore(clause: QueryTerm[]): Prisma.Sql {
  return clause.length === 1
    ? termScore(clause[0]!)
    : Prisma.sql`GREATEST(${Prisma.join(clause.map(termScore), ", ")})`;
}

/** A clause's partial score in a paragraph: its best term's parts. */
function clausePartScore(clause: QueryTerm[]): Prisma.Sql {
  return clause.length === 1
    ? partScore(clause[0]!)
    : Prisma.sql`GREATEST(${Prisma.join(clause.map(partScore), ", ")})`;
}

/** A paragraph's text score: the sum of its clauses' scores. */
function scoreOf(query: ParsedQuery): Prisma.Sql {
  return query.clauses.length
    ? Prisma.join(
        query.clauses.map((c) => clauseScore(c)),
        " + ",
      )
    : Prisma.sql`0`;
}

/** A clause's title score for a group: its best term. */
function clauseTitleScore(clause: QueryTerm[], title: Prisma.Sql): Prisma.Sql {
  return clause.length === 1
    ? termTitleScore(clause[0]!, title)
    : Prisma.sql`GREATEST(${Prisma.join(
        clause.map((t) => termTitleScore(t, title)),
        ", ",
      )})`;
}

/**
 * How much a group's clauses found in different paragraphs add to its best paragraph: a
 * document that names each word somewhere is a match, but a passage that holds them together
 * is better evidence.
 */
export const SPREAD_WEIGHT = 0.5;

/**
 * Weight of the term-weighting signal (BM25 over the groups, as a share of the best group's):
 * how often a group uses each word of the query, saturating, times the word's rarity in the corpus.
 */
export const BM25_WEIGHT = 0.25;
/** BM25's usual saturation and length normalisation. */
const BM25_K1 = 1.2;
const BM25_B = 0.75;
/** How many groups, the best of the score without it, the BM25 signal is computed for. */
export const WEIGHTED_GROUPS = 200;

/**
 * The rarity of a word in the corpus, as BM25's idf over paragraphs, from the document frequencies
 * (see documentFrequencies, which also counts the paragraphs).
 */
function idfOf(word: string, df: Map<string, number> | undefined): number {
  const n = df?.get(word) ?? 0;
  const all = Math.max(n, df?.get(ALL_PARAGRAPHS) ?? 0);
  return Math.log(1 + (all - n + 0.5) / (n + 0.5));
}

/**
 * Which database and corpus generation (ADR 0010) a document frequency was counted in: it changes
 * only when an ingest changes the corpus, which bumps the generation. The bump's time tells a
 * database dropped and created again under the same name (tests, the benchmark) from the old one.
 */
const corpusKeySql = Prisma.sql`current_database() || '|' || COALESCE((SELECT generation::text || '@' || "updatedAt"::text FROM "CacheGeneration" WHERE tag = 'corpus'), '0')`;

/** The key of documentFrequencies' answer that holds the number of paragraphs (no word is empty). */
export const ALL_PARAGRAPHS = "";

/** The query's parts and words too common to find candidates on their own (see COMMON_WORD_SHARE). */
export function commonWordsOf(query: ParsedQuery, df: Map<string, number> | undefined): Set<string> {
  const all = df?.get(ALL_PARAGRAPHS);
  if (!df || !all) return new Set();
  return new Set(
    [...partWords(query), ...weightedWords(query)].filter((w) => (df.get(w) ?? 0) > COMMON_WORD_SHARE * all),
  );
}

/**
 * The words whose document frequencies a search reads (searchGroups' `df`): the weighted words'
 * rarity weighs the groups; the parts' tells which are too common to search by.
 */
export function frequencyWords(query: ParsedQuery, weighting?: boolean): string[] {
  return [...new Set([...(weighting !== false ? weightedWords(query) : []), ...partWords(query)])];
}

/** Document frequencies by corpus key and word: counting a common word reads thousands of rows. */
const dfMemo = new LRUCache<string, number>({ max: 20_000 });

/**
 * How many paragraphs contain each word, counted once per corpus generation and kept in this
 * process. A word not yet counted under the current key is counted in the same statement that
 * reads the key, so that a count is never filed under a generation it was not made in.
 */
export async function documentFrequencies(db: PrismaClient, words: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!words.length) return out;
  // The number of paragraphs, under a key no word has, for the share of a word (COMMON_WORD_SHARE).
  words = [ALL_PARAGRAPHS, ...words];
  const [{ key } = { key: "" }] = await db.$queryRaw<{ key: string }[]>`SELECT ${corpusKeySql} AS key`;
  const missing = words.filter((w) => !dfMemo.has(`${key}|${w}`));
  let current = key;
  if (missing.length) {
    const rows = await db.$queryRaw<{ key: string; word: string; df: number }[]>`
      SELECT ${corpusKeySql} AS key, w.word, w.df FROM (${Prisma.join(
        missing.map(
          (w) =>
            Prisma.sql`SELECT ${w}::text AS word, COUNT(*)::float8 AS df FROM "Paragraph" p WHERE ${
              w === ALL_PARAGRAPHS ? Prisma.sql`TRUE` : renderPredicate(containsPredicate(w), Prisma.raw("p"))
            }`,
        ),
        " UNION ALL ",
      )}) w`;
    for (const r of rows) {
      current = r.key;
      dfMemo.set(`${r.key}|${r.word}`, Number(r.df));
    }
  }
  for (const w of words) {
    const df = dfMemo.get(`${current}|${w}`) ?? dfMemo.get(`${key}|${w}`);
    if (df !== undefined) out.set(w, df);
  }
  return out;
}

/**
 * The matching documents and plan nodes ("groups") with their kind, source, date, score, number
 * of matching paragraphs and number of the query's clauses they cover, as a CTE body. A group's
 * clause is covered when one of its paragraphs or its title matches it (literally, by an
 * expansion or by parts); groups covering more clauses come first (see searchGroups). Filters
 * are properties of a group, so they apply after grouping.
 */
function groupsCte(
  query: ParsedQuery,
  filters: SearchFilters,
  options: {
    scored?: boolean;
    withParts?: boolean;
    mode?: Mode;
    weighting?: boolean;
    df?: Map<string, number>;
    commonWords?: ReadonlySet<string>;
  } = {},
): Prisma.Sql {
  const { scored = true, withParts = true, mode = "any", commonWords = NO_WORDS } = options;
  const k = query.clauses.length;
  const cols = query.clauses.map((_, i) => Prisma.raw(`s${i}`));
  const pcols = query.clauses.map((_, i) => Prisma.raw(`q${i}`));
  const gcols = query.clauses.map((_, i) => Prisma.raw(`c${i}`));
  const gpcols = query.clauses.map((_, i) => Prisma.raw(`pc${i}`));
  const kcols = query.clauses.map((_, i) => Prisma.raw(`k${i}`));
  // Whether a group holds a clause itself is worth a column of its own only where a broader or
  // related word may score without it; elsewhere it is the clause's score (each candidate would
  // pay a second test of the text).
  const weak = query.clauses.map((c) => scored && c.some((t) => t.expansions.some((e) => !standsFor(e))));
  const gkcols = query.clauses.map((_, i) => Prisma.raw(weak[i] ? `gk${i}` : `c${i}`));
  const title = Prisma.sql`gr.title`;
  // The innermost query scores the candidates where they are read and passes on only narrow
  // rows: the wide text columns never reach the aggregate. OFFSET 0 keeps the planner from
  // moving the scoring elsewhere.
  const perClause = Prisma.join(
    query.clauses.flatMap((c, i) =>
      scored
        ? [
            Prisma.sql`${clauseScore(c)} AS ${cols[i]!}`,
            Prisma.sql`${clausePartScore(c)} AS ${pcols[i]!}`,
            ...(weak[i] ? [Prisma.sql`${clauseHeld(c)} AS ${kcols[i]!}`] : []),
          ]
        : [Prisma.sql`1 AS ${cols[i]!}`, Prisma.sql`0 AS ${pcols[i]!}`],
    ),
    ", ",
  );
  const titleScores = query.clauses.map((c) => (scored ? clauseTitleScore(c, title) : Prisma.sql`0`));
  const weighted = scored && options.weighting !== false ? weightedWords(query) : [];
  const tfcols = weighted.map((_, j) => Prisma.raw(`tf${j}`));
  // BM25 over the groups: term frequency summed over a group's matching paragraphs, saturating,
  // normalised by the document's length in source lines (a plan node counts as average), times
  // the word's idf; as a share of the best group's, so that it weighs the same for every query.
  // It is added for the best WEIGHTED_GROUPS groups of the score without it only: the share adds
  // at most BM25_WEIGHT, which cannot lift a group from below them to the first pages.
  const bm25 =
    scored && weighted.length
      ? Prisma.sql`(${Prisma.join(
          weighted.map(
            (w, j) =>
              Prisma.sql`${idfOf(w, options.df)}::float8 * b.${tfcols[j]!} * ${BM25_K1 + 1}::float8 / (b.${tfcols[j]!} + ${BM25_K1}::float8 * (1 - ${BM25_B}::float8 + ${BM25_B}::float8 * COALESCE(b.glen / b.avglen, 1)))`,
          ),
          " + ",
        )})`
      : null;
  // Each weighted word's occurrences in each candidate, counted where it is read and summed per
  // group for BM25.
  const ocols = weighted.map((_, j) => Prisma.raw(`o${j}`));
  const innerCounts = weighted.map((w, j) => Prisma.sql`, ${occurrences(w)} AS ${ocols[j]!}`);
  const groupCounts = weighted.map((_, j) => Prisma.sql`, SUM(${ocols[j]!})::float8 AS ${tfcols[j]!}`);
  // A clause is covered by a group that holds it (literally, or through a word standing for it)
  // in a paragraph or its title; it is touched when the group holds at least a broader or related
  // word of it. Covered clauses rank; touched ones say whether a reading found enough to skip a
  // wider one (see searchGroups). A compound's words in different paragraphs of a document
  // (药品 here, 审批 there) are its parts, a partial match: counted as the term, a long report
  // naming 绿色 and 贷款 somewhere outranked the comment on 绿色信贷 (ADR 0008).
  const covered = Prisma.join(
    query.clauses.map((c, i) => {
      const titleHeld = weak[i] ? clauseTitleHeld(c, title) : Prisma.sql`${titleScores[i]!} > 0`;
      return Prisma.sql`(CASE WHEN gr.${gkcols[i]!} > 0 OR ${titleHeld} THEN 1 ELSE 0 END)`;
    }),
    " + ",
  );
  const touched = Prisma.join(
    query.clauses.map(
      (_, i) => Prisma.sql`(CASE WHEN gr.${gcols[i]!} > 0 OR ${titleScores[i]!} > 0 THEN 1 ELSE 0 END)`,
    ),
    " + ",
  );
  // Each clause weighs by its rarity among the matched groups (as an idf, over the mean of the
  // clauses' idfs, so that one clause weighs 1): 生物医药 counts for more than 产业.
  // The counts behind it are window aggregates over the filtered groups, each computed once (see
  // groups below): written out in every use, a query of k clauses computed (k + 1)² of them.
  const ncols = query.clauses.map((_, i) => Prisma.raw(`n${i}`));
  const idf = (i: number) => Prisma.sql`LN(1 + gr.n_all::float8 / GREATEST(1, gr.${ncols[i]!}))`;
  const meanIdf = Prisma.sql`((${Prisma.join(
    gcols.map((_, i) => idf(i)),
    " + ",
  )}) / ${k || 1})`;
  const sum =
    k > 1 && scored
      ? Prisma.join(
          gcols.map((c, i) => Prisma.sql`gr.${c} * ${idf(i)} / GREATEST(${meanIdf}, 1e-9)`),
          " + ",
        )
      : Prisma.join(
          gcols.map((c) => Prisma.sql`gr.${c}`),
          " + ",
        );
  // Parts count only where the clause itself is absent from the group, but for long phrases.
  const partial = Prisma.join(
    query.clauses.map((c, i) =>
      // A phrase of three words or more (a question) is read as a bag of words, as its tsquery
      // is (any two): each word found adds, as in BM25. A shorter compound is one thing.
      c.some((t) => t.tokens.filter((w) => [...w].length > 1).length > 2)
        ? Prisma.sql`gr.${gpcols[i]!}`
        : Prisma.sql`(CASE WHEN gr.${gkcols[i]!} > 0 THEN 0 ELSE gr.${gpcols[i]!} END)`,
    ),
    " + ",
  );
  const full = Prisma.join(cols, " + ");
  const matched = Prisma.sql`
        SELECT COALESCE(p."documentId", p."planNodeId") AS gid, p."documentId" AS doc_id, p."searchTitle" AS title,
               ${perClause}${innerCounts.length ? Prisma.join(innerCounts, "") : Prisma.empty}
        FROM "Paragraph" p
        WHERE ${mode === "together" ? together(query) : candidates(query, { withParts, commonWords })} AND ${exclusions(query)}
        OFFSET 0`;
  // How much of the group matches adds a little (0.15 × ln): its matching paragraphs counted by
  // their evidence, a paragraph that scores half an occurrence or more as one, a weaker one (a
  // broader or related word of the thesaurus: 农业 for 农产品电商) as its share. Counted
  // plainly, a long report naming a related word thirty times outranked the one passage that
  // holds the words typed.
  const groups = (m: Prisma.Sql) => Prisma.sql`
    SELECT gr.gid, gr.kind, gr.source_id, gr.source_date,
           gr.best + ${SPREAD_WEIGHT}::float8 * (${sum} - gr.best) + ${Prisma.join(titleScores, " + ")} + ${partial}
             + 0.15 * LN(GREATEST(1, gr.mass)) AS gscore,
           ${covered} AS covered, ${touched} AS touched, gr.hits, gr.glen, gr.avglen${
             bm25
               ? Prisma.join(
                   tfcols.map((c) => Prisma.sql`, gr.${c}`),
                   "",
                 )
               : Prisma.empty
           }
    FROM (
    SELECT gr.*, CASE WHEN gr.doc_id IS NULL THEN 'plan' ELSE gr.doc_kind::text END AS kind,
           COALESCE(gr.doc_source, pl."sourceId") AS source_id, s.date AS source_date,
           COUNT(*) OVER () AS n_all${
             gcols.length
               ? Prisma.join(
                   gcols.map((c, i) => Prisma.sql`, COUNT(*) FILTER (WHERE gr.${c} > 0) OVER () AS ${ncols[i]!}`),
                   "",
                 )
               : Prisma.empty
           }
    FROM (SELECT gr0.*, d.kind AS doc_kind, d."sourceId" AS doc_source, (d."lineEnd" - d."lineStart" + 1)::float8 AS glen,
                 AVG((d."lineEnd" - d."lineStart" + 1)::float8) OVER () AS avglen FROM (
      -- Grouping by the title as well does not split a group (its paragraphs share the title) and
      -- hands the title on without comparing strings, as MIN() would.
      SELECT gid, MIN(doc_id) AS doc_id, title, MAX(${full}) AS best,
             ${Prisma.join(
               query.clauses.flatMap((_, i) => [
                 Prisma.sql`MAX(${cols[i]!}) AS ${gcols[i]!}`,
                 Prisma.sql`MAX(${pcols[i]!}) AS ${gpcols[i]!}`,
                 ...(weak[i] ? [Prisma.sql`MAX(${kcols[i]!}) AS ${gkcols[i]!}`] : []),
               ]),
               ", ",
             )}${groupCounts.length ? Prisma.join(groupCounts, "") : Prisma.empty}, (COUNT(*) FILTER (WHERE ${full} > 0))::int AS hits, SUM(LEAST(2 * (${full}), 1)) AS mass
      FROM ${m} m
      GROUP BY gid, title
    ) gr0 LEFT JOIN "Document" d ON d.id = gr0.doc_id) gr
    LEFT JOIN "PlanNode" pn ON gr.doc_id IS NULL AND pn.id = gr.gid
    LEFT JOIN "Plan" pl ON pl.id = pn."planId"
    LEFT JOIN "Source" s ON s.id = COALESCE(gr.doc_source, pl."sourceId")
    WHERE ${filterConditions(filters)} AND ${k} > 0
    ) gr`;
  if (!bm25) return groups(Prisma.sql`(${matched})`);
  return Prisma.sql`
    WITH b AS MATERIALIZED (${groups(Prisma.sql`(${matched})`)})
    SELECT b.gid, b.kind, b.source_id, b.source_date,
           b.gscore + CASE WHEN b.rk <= ${WEIGHTED_GROUPS} THEN ${BM25_WEIGHT}::float8 * COALESCE(${bm25} / NULLIF(MAX(${bm25}) FILTER (WHERE b.rk <= ${WEIGHTED_GROUPS}) OVER (), 0), 0) ELSE 0 END AS gscore,
           b.covered, b.touched, b.hits
    FROM (SELECT b.*, ROW_NUMBER() OVER (ORDER BY b.covered DESC, b.gscore DESC, b.gid) AS rk FROM b) b`;
}

export interface GroupRow {
  gid: string;
  kind: SearchKind;
  score: number;
  hits: number;
  /** How many of the query's clauses the group covers (all of them, or fewer: a partial match). */
  covered: number;
}

export interface PassageRow {
  gid: string;
  id: string;
  n: number;
  text: string;
  /** The text normalised (Paragraph.normText, as normalizeText gives it). */
  norm: string;
  /** The headings the paragraph sits under, segmented (see Paragraph.searchContext). */
  context: string;
  score: number;
}

type FacetName = (typeof FACETS)[number];

/** Counts per value of one facet over the groups in CTE `g`, as rows (facet, key, n). */
function facetCounts(facet: FacetName, filters: SearchFilters): Prisma.Sql {
  switch (facet) {
    case "topic": {
      const { ids, slugs } = filters.topics ?? { ids: [], slugs: [] };
      return Prisma.sql`SELECT 'topic', tp.slug, COUNT(*) FROM g JOIN unnest(${ids}::text[], ${slugs}::text[]) AS tp(gid, slug) ON tp.gid = g.gid GROUP BY tp.slug`;
    }
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
/** How candidates are found: paragraphs holding every clause, or any clause (see searchGroups). */
export type Mode = "together" | "any";

/** Fewer groups with every word than this, and the parts of compounds are looked for too. */
export const PARTS_BELOW = 10;

export async function searchGroups(
  db: PrismaClient,
  query: ParsedQuery,
  filters: SearchFilters,
  options: {
    offset: number;
    limit: number;
    sort: "relevance" | "date";
    facets?: boolean;
    withParts?: boolean;
    mode?: Mode;
    /** The BM25 term-weighting signal (on by default; the benchmark measures it off). */
    weighting?: boolean;
    /** Document frequencies of the weighted words (read once per search; see documentFrequencies). */
    df?: Map<string, number>;
  },
): Promise<{
  total: number;
  complete: number;
  /**
   * How many groups hold every clause at least through a broader or related word: what decides
   * whether a wider reading (parts, any clause) is needed, as enough groups to fill a page.
   */
  reached: number;
  groups: GroupRow[];
  facets: Partial<FacetRows>;
  withParts: boolean;
  mode: Mode;
  /** The parts that did not find candidates by themselves (for searchActiveFacets to count the same). */
  commonWords: Set<string>;
}> {
  if (options.df === undefined) {
    const words = frequencyWords(query, options.weighting);
    if (words.length) options = { ...options, df: await documentFrequencies(db, words) };
  }
  // Several words: first the paragraphs that hold them all, driven by the rarest word (cheap
  // however common the others). With enough such groups, that is the answer; else every group
  // holding any of them, ranked by how many it covers.
  if (options.mode === undefined && query.clauses.length > 1) {
    const strict = await searchGroups(db, query, filters, { ...options, mode: "together", withParts: false });
    if (strict.reached >= PARTS_BELOW) return strict;
    return searchGroups(db, query, filters, { ...options, mode: "any" });
  }
  const mode = options.mode ?? "any";
  // Compound parts widen the candidates most (企业 for 企业贷款难) and matter only where the whole
  // is (nearly) absent: they are looked for when fewer than PARTS_BELOW groups hold every word.
  const hasParts = query.clauses.some((c) => c.some((t) => t.parts.length || t.partExpansions.length));
  if (options.withParts === undefined && hasParts && mode === "any" && query.clauses.length > 1) {
    // Several words that few paragraphs hold together: the reading with parts is the likely answer,
    // and it counts the groups holding every word as the reading without them does (parts never
    // cover a word). Read it first; only with enough complete groups is the strict one needed.
    const loose = await searchGroups(db, query, filters, { ...options, mode, withParts: true });
    if (loose.reached < PARTS_BELOW) return loose;
    return searchGroups(db, query, filters, { ...options, mode, withParts: false });
  }
  if (options.withParts === undefined && hasParts) {
    const strict = await searchGroups(db, query, filters, { ...options, mode, withParts: false });
    if (strict.reached >= PARTS_BELOW) return strict;
    return searchGroups(db, query, filters, { ...options, mode, withParts: true });
  }
  const withParts = options.withParts ?? false;
  const commonWords = commonWordsOf(query, options.df);
  // Groups with all the words first, then those with most of them (partial matches).
  const order =
    options.sort === "date"
      ? Prisma.sql`covered DESC, source_date DESC NULLS LAST, gscore DESC, gid`
      : Prisma.sql`covered DESC, gscore DESC, gid`;
  const facetParts = options.facets
    ? Prisma.sql`UNION ALL SELECT 'facet', NULL, NULL, NULL, NULL, NULL, f.facet, f.key, f.n FROM (${Prisma.join(
        FACETS.map((f) => facetCounts(f, filters)),
        " UNION ALL ",
      )}) f`
    : Prisma.empty;
  const rows = await db.$queryRaw<
    {
      part: "page" | "total" | "complete" | "reached" | "facet";
      gid: string | null;
      kind: SearchKind | null;
      score: number | null;
      hits: number | null;
      covered: number | null;
      facet: FacetName | null;
      key: string | null;
      n: bigint | null;
    }[]
  >`
    WITH g AS MATERIALIZED (${groupsCte(query, filters, { withParts, mode, weighting: options.weighting, df: options.df, commonWords })})
    SELECT 'page' AS part, gid, kind, gscore::float8 AS score, hits, covered, NULL::text AS facet, NULL::text AS key, NULL::bigint AS n
    FROM (SELECT * FROM g ORDER BY ${order} OFFSET ${options.offset} LIMIT ${options.limit}) page
    UNION ALL SELECT 'total', NULL, NULL, NULL, NULL, NULL, NULL, NULL, COUNT(*) FROM g
    UNION ALL SELECT 'complete', NULL, NULL, NULL, NULL, NULL, NULL, NULL, COUNT(*) FROM g WHERE covered = ${query.clauses.length}
    UNION ALL SELECT 'reached', NULL, NULL, NULL, NULL, NULL, NULL, NULL, COUNT(*) FROM g WHERE touched = ${query.clauses.length}
    ${facetParts}`;
  const facets: Partial<FacetRows> = {};
  for (const r of rows.filter((x) => x.part === "facet")) (facets[r.facet!] ??= {})[r.key!] = Number(r.n);
  return {
    withParts,
    mode,
    commonWords,
    total: Number(rows.find((r) => r.part === "total")?.n ?? 0),
    complete: Number(rows.find((r) => r.part === "complete")?.n ?? 0),
    reached: Number(rows.find((r) => r.part === "reached")?.n ?? 0),
    facets,
    groups: rows
      .filter((r) => r.part === "page")
      .map((g) => ({
        gid: g.gid!,
        kind: g.kind!,
        score: Number(g.score),
        hits: g.hits ?? 0,
        covered: Number(g.covered ?? 0),
      })),
  };
}

/**
 * The best passages of the given groups (a page of results), best first per group: their own
 * paragraphs that match the query (any clause, expansions and parts included), scored, with no
 * candidate search over the whole table.
 */
export async function searchPassages(
  db: PrismaClient,
  query: ParsedQuery,
  gids: string[],
  perGroup: number,
  commonWords: ReadonlySet<string> = NO_WORDS,
): Promise<Map<string, PassageRow[]>> {
  const byGroup = new Map<string, PassageRow[]>();
  if (!gids.length || !query.clauses.length) return byGroup;
  // Passages holding the words themselves first; those with parts only after.
  const score = Prisma.sql`${scoreOf(query)} + 0.5 * (${Prisma.join(query.clauses.map(clausePartScore), " + ")})`;
  const rows = await db.$queryRaw<PassageRow[]>`
    SELECT x.gid, x.id, x.n, pp.text, pp."normText" AS norm, pp."searchContext" AS context, x.score FROM (
      SELECT gid, id, n, score, ROW_NUMBER() OVER (PARTITION BY gid ORDER BY score DESC, n) AS rk FROM (
        -- Scored once per paragraph, on narrow rows: the text of the best few is read at the end.
        SELECT COALESCE(p."documentId", p."planNodeId") AS gid, p.id, p.n, (${score})::float8 AS score
        -- The page's own paragraphs are a few hundred: testing the clauses on each is cheaper than
        -- intersecting with the full-text index's bitmap of every match (OFFSET 0 keeps it so).
        FROM (SELECT * FROM "Paragraph" p WHERE p."documentId" = ANY(${gids}) OR p."planNodeId" = ANY(${gids}) OFFSET 0) p
        WHERE ${candidates(query, { commonWords, indexed: false })} AND ${exclusions(query)}
      ) s
    ) x JOIN "Paragraph" pp ON pp.id = x.id
    WHERE x.rk <= ${perGroup} ORDER BY x.gid, x.rk`;
  for (const p of rows) byGroup.set(p.gid, [...(byGroup.get(p.gid) ?? []), { ...p, score: Number(p.score) }]);
  return byGroup;
}

export interface FacetRows {
  kind: Record<string, number>;
  source: Record<string, number>;
  person: Record<string, number>;
  year: Record<string, number>;
  topic: Record<string, number>;
}

/** The facets (and filters) of search, in the order they are shown. */
export const FACETS = ["kind", "source", "person", "year", "topic"] as const;

/**
 * Counts of matching documents/plan nodes for the facets that have a filter set, each counted
 * without its own filter (so the other values stay visible). searchGroups counts the others.
 */
export async function searchActiveFacets(
  db: PrismaClient,
  query: ParsedQuery,
  filters: SearchFilters,
  withParts = false,
  mode: Mode = "any",
  commonWords: ReadonlySet<string> = NO_WORDS,
): Promise<Partial<FacetRows>> {
  const active = FACETS.filter((f) => filters[f] !== undefined);
  const results = await Promise.all(
    active.map(
      (f) =>
        db.$queryRaw<{ facet: keyof FacetRows; key: string; n: bigint }[]>`
        WITH g AS (${groupsCte(query, { ...filters, [f]: undefined }, { scored: false, withParts, mode, commonWords })})
        ${facetCounts(f, filters)}`,
    ),
  );
  const out: Partial<FacetRows> = {};
  for (const r of results.flat()) (out[r.facet] ??= {})[r.key] = Number(r.n);
  for (const f of active) out[f] ??= {};
  return out;
}

/** All the facets, most frequent values first, at most 50 each. */
export function mergeFacets(...parts: Partial<FacetRows>[]): FacetRows {
  const out: FacetRows = { kind: {}, source: {}, person: {}, year: {}, topic: {} };
  for (const part of parts) for (const f of FACETS) if (part[f]) out[f] = part[f];
  for (const f of FACETS)
    out[f] = Object.fromEntries(
      Object.entries(out[f])
        .sort((x, y) => y[1] - x[1])
        .slice(0, 50),
    );
  return out;
}
