/** Ranking metrics for the judged query set (pure). */
export type Judgments = Record<string, number>;

/** The judged key a hit counts for: itself, or for a plan node, the judged node that contains it. */
export function judgedKeyFor(hit: string, judgments: Judgments): string | null {
  if (hit in judgments) return hit;
  if (!hit.startsWith("plan:")) return null;
  let best: string | null = null;
  for (const key of Object.keys(judgments)) {
    if (key.startsWith("plan:") && hit.startsWith(`${key}.`) && (!best || key.length > best.length)) best = key;
  }
  return best;
}

/** Gains of a ranked list: each judged item is credited once, at its first (best) position. */
export function gains(ranked: string[], judgments: Judgments, k = 10): number[] {
  const seen = new Set<string>();
  return ranked.slice(0, k).map((hit) => {
    const key = judgedKeyFor(hit, judgments);
    if (!key || seen.has(key)) return 0;
    seen.add(key);
    return judgments[key]!;
  });
}

export function ndcgAt(ranked: string[], judgments: Judgments, k = 10): number {
  const dcg = gains(ranked, judgments, k).reduce((a, g, i) => a + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = Object.values(judgments)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((a, g, i) => a + (2 ** g - 1) / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

export function recallAt(ranked: string[], judgments: Judgments, k = 10): number {
  const total = Object.keys(judgments).length;
  return total === 0 ? 0 : gains(ranked, judgments, k).filter((g) => g > 0).length / total;
}
