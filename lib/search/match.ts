/**
 * Why a hit matched, as data: for each query term, where the hit's passages and title (or the
 * headings around them) hold it. The search page words these reasons for readers
 * (components/search/match-label.ts); the API lists the terms.
 */
import { normalizeText } from "./normalize";
import type { ParsedQuery } from "./query";

export type MatchReason =
  /** The passages or the title hold the term. */
  | { kind: "term"; term: string }
  /** Only the headings the passages sit under hold it (a plan node's chapter or section). */
  | { kind: "context"; term: string }
  /** Each of its words occurs, though not together. */
  | { kind: "words"; term: string; words: string[] }
  /** A synonym or abbreviation of it occurs. */
  | { kind: "synonym"; term: string; synonym: string }
  /** Some of its words occur. */
  | { kind: "partial"; term: string; words: string[] };

/**
 * Which terms (or their synonyms) the passages and title contain; a term found only in the
 * headings the passages sit under says so. Terms the hit does not contain at all are left out.
 */
export function matchReasonsOf(query: ParsedQuery, texts: string[], context: string[] = []): MatchReason[] {
  const norm = texts.map(normalizeText).join("\n");
  const around = context.map(normalizeText).join("\n");
  const out: MatchReason[] = [];
  for (const clause of query.clauses) {
    for (const t of clause) {
      const term = t.raw;
      if (norm.includes(t.norm)) out.push({ kind: "term", term });
      else if (around.includes(t.norm)) out.push({ kind: "context", term });
      else if (t.tokens.length > 1 && t.tokens.every((tok) => norm.includes(tok)))
        out.push({ kind: "words", term, words: t.tokens });
      else {
        const syn = t.synonyms.find((s) => norm.includes(s.norm));
        if (syn) out.push({ kind: "synonym", term, synonym: syn.norm });
        else {
          const some = t.tokens.filter((tok) => norm.includes(tok));
          if (some.length) out.push({ kind: "partial", term, words: some });
        }
      }
    }
  }
  return out;
}

/** The query terms a hit matched, as typed: what the API lists as matchedTerms. */
export function matchedTerms(reasons: readonly MatchReason[]): string[] {
  return reasons.map((r) => r.term);
}
