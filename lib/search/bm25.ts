/**
 * Plain Okapi BM25 with OR semantics (pure): the second baseline of `npm run eval:search`. Each
 * item (a document or a plan node, its paragraphs aggregated) is a bag of tokens from the same
 * segmentation as the search index; a query's tokens score independently and any one suffices.
 */
export interface Bm25Item {
  key: string;
  tokens: readonly string[];
}

export interface Bm25Options {
  k1?: number;
  b?: number;
}

export interface Bm25Index {
  /** Keys of the items holding at least one query token, best first (ties by key, so runs agree). */
  rank(queryTokens: readonly string[]): string[];
  score(queryTokens: readonly string[]): Map<string, number>;
}

export function bm25Index(items: readonly Bm25Item[], { k1 = 1.2, b = 0.75 }: Bm25Options = {}): Bm25Index {
  const tf = items.map((it) => {
    const m = new Map<string, number>();
    for (const t of it.tokens) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  });
  const df = new Map<string, number>();
  for (const m of tf) for (const t of m.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = items.length;
  const avgLength = items.reduce((a, it) => a + it.tokens.length, 0) / Math.max(1, n);
  const idf = (t: string) => {
    const d = df.get(t) ?? 0;
    return Math.log(1 + (n - d + 0.5) / (d + 0.5));
  };
  const score = (queryTokens: readonly string[]) => {
    const out = new Map<string, number>();
    const unique = [...new Set(queryTokens)];
    items.forEach((it, i) => {
      let s = 0;
      for (const t of unique) {
        const f = tf[i]!.get(t) ?? 0;
        if (!f) continue;
        s += (idf(t) * f * (k1 + 1)) / (f + k1 * (1 - b + (b * it.tokens.length) / avgLength));
      }
      if (s > 0) out.set(it.key, s);
    });
    return out;
  };
  return {
    score,
    rank: (queryTokens) =>
      [...score(queryTokens)].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([k]) => k),
  };
}
