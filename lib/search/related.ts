/**
 * Related searches for a query with no or few results (pure): the thesaurus neighbours of its
 * words, thesaurus words that share part of a word typed (a compound the corpus does not use),
 * and the corpus's own policy words found in the passages of the few hits. Every thesaurus word
 * occurs in the corpus (tests/unit/search/thesaurus.test.ts), so each suggestion finds something
 * without filters.
 */
import { normalizeText } from "./normalize";
import type { ParsedQuery } from "./query";

/** Fewer results than this, and the page suggests related searches. */
export const FEW_RESULTS = 5;
const MAX_RELATED = 8;

/** Whether two words share a run of at least two characters. */
function overlaps(a: string, b: string): boolean {
  const chars = [...a];
  for (let i = 0; i + 1 < chars.length; i++) if (b.includes(chars[i]! + chars[i + 1]!)) return true;
  return false;
}

export function relatedSearches(
  query: ParsedQuery,
  vocabulary: readonly string[],
  passages: readonly string[] = [],
): string[] {
  const terms = query.clauses.flat();
  const own = new Set(terms.flatMap((t) => [t.norm, ...t.tokens]));
  const out: string[] = [];
  const push = (w: string) => {
    if (w && !own.has(w) && !out.includes(w) && out.length < MAX_RELATED) out.push(w);
  };
  for (const t of terms) for (const e of t.expansions.slice(0, 4)) push(e.norm);
  for (const t of terms) {
    if (t.phrase || [...t.norm].length < 2) continue;
    vocabulary
      .filter((w) => overlaps(t.norm, w))
      .sort((a, b) => a.length - b.length || a.localeCompare(b))
      .slice(0, 3)
      .forEach(push);
  }
  const text = passages.map(normalizeText).join("\n");
  if (text) {
    // The corpus's policy words in the passages found, most frequent first.
    const counts = vocabulary
      .filter((w) => [...w].length >= 2)
      .map((w) => [w, text.split(w).length - 1] as const)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    for (const [w] of counts.slice(0, 3)) push(w);
  }
  return out;
}
