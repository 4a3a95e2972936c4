/**
 * Candidate new anchors for an orphaned link: the passages most like the lost quote, by the Dice
 * coefficient of character bigrams over the normalised text. Only offered to an editor, never
 * applied automatically (ADR 0005).
 */
import { normalizeText } from "../search/normalize";

function bigrams(text: string): Map<string, number> {
  const chars = [...normalizeText(text).replace(/[\s\p{P}\p{S}]/gu, "")];
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let shared = 0;
  let total = 0;
  for (const [g, n] of x) {
    shared += Math.min(n, y.get(g) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total ? (2 * shared) / total : 0;
}

export interface Candidate<T> {
  item: T;
  similarity: number;
}

/** The `limit` passages most like `quote`, best first, above a floor that rules out chance overlap. */
export function anchorCandidates<T extends { text: string }>(
  quote: string,
  passages: readonly T[],
  limit = 3,
  floor = 0.2,
): Candidate<T>[] {
  return passages
    .map((item) => ({ item, similarity: similarity(quote, item.text) }))
    .filter((c) => c.similarity >= floor)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, limit);
}
