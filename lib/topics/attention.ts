/**
 * Attention per topic: how the speeches, proposals and reports divide their attention among the
 * topics, against how the plan divides its text. Each document is one unit of attention, shared
 * among its topics in proportion to their scores; the plan's text is shared the same way, each
 * leaf node (a subsection, or a section without subsections) weighing by its length in characters.
 * Shares are of the documents (or text) that have any topic, so each column sums to 1. Pure.
 */
export interface AttentionInput {
  documents: { kind: string; topics: { slug: string; score: number }[] }[];
  planLeaves: { chars: number; topics: { slug: string; score: number }[] }[];
}

export type AttentionColumns = Record<string, number>;

function share(units: { weight: number; topics: { slug: string; score: number }[] }[]): Map<string, number> {
  const out = new Map<string, number>();
  let total = 0;
  for (const u of units) {
    const sum = u.topics.reduce((a, t) => a + t.score, 0);
    if (!sum) continue;
    total += u.weight;
    for (const t of u.topics) out.set(t.slug, (out.get(t.slug) ?? 0) + (u.weight * t.score) / sum);
  }
  return new Map([...out].map(([k, v]) => [k, total ? v / total : 0]));
}

/** Share of each column (every document kind given, and "plan") per topic slug. */
export function attentionShares(input: AttentionInput, kinds: readonly string[]): Map<string, AttentionColumns> {
  const columns = new Map<string, Map<string, number>>();
  for (const kind of kinds) {
    columns.set(
      kind,
      share(input.documents.filter((d) => d.kind === kind).map((d) => ({ weight: 1, topics: d.topics }))),
    );
  }
  columns.set("plan", share(input.planLeaves.map((l) => ({ weight: l.chars, topics: l.topics }))));
  const out = new Map<string, AttentionColumns>();
  for (const [column, shares] of columns) {
    for (const [slug, v] of shares) {
      const row = out.get(slug) ?? {};
      row[column] = v;
      out.set(slug, row);
    }
  }
  return out;
}
