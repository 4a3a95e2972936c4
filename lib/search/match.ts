/**
 * How a hit matched, as data: for each query term, whether the hit's passages hold it, its title,
 * only the headings around the passages, a synonym or thesaurus neighbour of it, or some of its
 * words (a partial match). The API returns these as `matches`; the search page words them
 * (components/search/match-label.ts). Terms a hit does not match at all are its missing terms.
 */
import { normalizeText } from "./normalize";
import type { ParsedQuery, QueryTerm } from "./query";
import { standsFor, type Relation } from "./thesaurus";

export const MATCH_VIA = ["text", "title", "context", "synonym", "thesaurus", "partial", "feedback"] as const;
export type MatchVia = (typeof MATCH_VIA)[number];

export interface Match {
  /** The query term, as typed. */
  term: string;
  via: MatchVia;
  /**
   * What was found instead of the term itself: the synonym or thesaurus word, the words found
   * (space-separated) for a term whose words occur apart or only in part; null for the term itself.
   */
  expansion: string | null;
  /** For via "thesaurus" (and "synonym"): how the expansion relates to the term. */
  relation?: Relation;
}

function termMatch(t: QueryTerm, passages: readonly string[], title: string, around: string): Match | null {
  const text = passages.join("\n");
  const term = t.raw;
  if (text.includes(t.norm)) return { term, via: "text", expansion: null };
  if (title.includes(t.norm)) return { term, via: "title", expansion: null };
  if (around.includes(t.norm)) return { term, via: "context", expansion: null };
  // Its words together in one passage (or the title), each as typed or as a synonym standing in
  // for it, are the term; apart, they are its parts.
  const forms = (s: string) => t.tokens.map((tok) => [tok, ...(t.wordSynonyms[tok] ?? [])].find((w) => s.includes(w)));
  const together = [...passages, title].map(forms).find((f) => f.every(Boolean));
  if (!t.phrase && t.tokens.length > 1 && together) return { term, via: "text", expansion: together.join(" ") };
  // An expansion standing for the term first; a broader or related one (it does not) is still
  // what the hit holds, ahead of a compound's parts.
  const found = t.expansions.filter((x) => text.includes(x.norm) || title.includes(x.norm));
  const e = found.find(standsFor) ?? found[0];
  if (e) return { term, via: e.via, expansion: e.norm, relation: e.relation };
  const some = [...new Set([...t.parts, ...t.tokens.filter((w) => [...w].length > 1)])].filter(
    (w) => w !== t.norm && (text.includes(w) || title.includes(w)),
  );
  if (some.length) return { term, via: "partial", expansion: some.join(" ") };
  const inner = t.partExpansions.find((x) => text.includes(x.norm) || title.includes(x.norm));
  if (inner) return { term, via: "partial", expansion: inner.norm, relation: inner.relation };
  return null;
}

/**
 * How each term matched the hit's passages, title and the headings around the passages; terms
 * not found at all are left out (see missingTerms).
 */
export function matchesOf(
  query: ParsedQuery,
  texts: readonly string[],
  title: string | readonly string[] = "",
  context: readonly string[] = [],
  /** The texts are normalised already (the paragraphs' stored normText): normalising costs more than matching. */
  { normalized = false }: { normalized?: boolean } = {},
): Match[] {
  const passages = normalized ? texts : texts.map(normalizeText);
  const heading = (typeof title === "string" ? [title] : title).map(normalizeText).join("\n").replace(/ /g, "");
  const around = context.map(normalizeText).join("\n");
  return query.clauses.flat().flatMap((t) => termMatch(t, passages, heading, around) ?? []);
}

/**
 * The words of the query a hit lacks (a partial match): clauses none of whose terms matched, or
 * matched only through a compound's parts, as typed.
 */
export function missingTerms(query: ParsedQuery, matches: readonly Match[]): string[] {
  // Parts of a compound are not the compound, nor is a broader or related theme: the hit is
  // ranked as lacking it, and says so.
  const found = new Set(
    matches
      .filter((m) => m.via !== "partial" && (!m.relation || standsFor({ relation: m.relation })))
      .map((m) => m.term),
  );
  return query.clauses.filter((c) => !c.some((t) => found.has(t.raw))).map((c) => c.map((t) => t.raw).join(" OR "));
}

/** The query terms a hit matched, as typed: what the API lists as matchedTerms. */
export function matchedTerms(matches: readonly Match[]): string[] {
  return [...new Set(matches.map((m) => m.term))];
}
