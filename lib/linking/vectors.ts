/** Sparse term vectors: term → weight, with the dot products and norms the linker and baseline need. */

export type TermVector = Map<string, number>;

/** Sub-linear term frequency: a term said five times is not five times the evidence. */
export const tfWeight = (count: number) => (count < 1 ? count : 1 + Math.log(count));

export function addTo(target: Map<string, number>, term: string, amount: number): void {
  target.set(term, (target.get(term) ?? 0) + amount);
}

export function norm(v: TermVector): number {
  let s = 0;
  for (const w of v.values()) s += w * w;
  return Math.sqrt(s);
}

export function dot(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, w] of small) {
    const o = large.get(t);
    if (o !== undefined) s += w * o;
  }
  return s;
}

export function cosine(a: TermVector, an: number, b: TermVector, bn: number): number {
  return an && bn ? dot(a, b) / (an * bn) : 0;
}

/** Smoothed inverse document frequency over a collection of term sets. */
export function inverseDocumentFrequency(collection: Iterable<Iterable<string>>): (term: string) => number {
  const df = new Map<string, number>();
  let n = 0;
  for (const terms of collection) {
    n++;
    for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  }
  return (term) => Math.log(1 + n / (df.get(term) ?? 0.5));
}
