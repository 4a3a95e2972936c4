/**
 * Splits text into plain and highlighted runs from [start, end) ranges. Highlights are computed
 * here and rendered as React elements: document text is never injected as HTML.
 */
export interface Run {
  text: string;
  highlight: boolean;
  start: number;
}

export function mergeRanges(ranges: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = ranges
    .filter(([a, b]) => b > a)
    .map(([a, b]) => [a, b] as [number, number])
    .sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([...r]);
  }
  return out;
}

export function toRuns(text: string, ranges: readonly (readonly [number, number])[]): Run[] {
  const runs: Run[] = [];
  let at = 0;
  for (const [a, b] of mergeRanges(ranges)) {
    const start = Math.max(a, at);
    const end = Math.min(b, text.length);
    if (start >= end) continue;
    if (start > at) runs.push({ text: text.slice(at, start), highlight: false, start: at });
    runs.push({ text: text.slice(start, end), highlight: true, start });
    at = end;
  }
  if (at < text.length) runs.push({ text: text.slice(at), highlight: false, start: at });
  return runs;
}

export interface LayeredRun {
  text: string;
  start: number;
  /** For each layer, whether this run lies in one of its ranges. */
  layers: boolean[];
}

/**
 * Splits text by several independent sets of ranges (say, a plan target's sentence and the
 * words searched for), so that each run knows which of them cover it.
 */
export function toLayeredRuns(text: string, layers: readonly (readonly (readonly [number, number])[])[]): LayeredRun[] {
  const merged = layers.map((ranges) => mergeRanges(ranges));
  const cuts = new Set([0, text.length]);
  for (const ranges of merged)
    for (const [a, b] of ranges) for (const x of [a, b]) if (x > 0 && x < text.length) cuts.add(x);
  const points = [...cuts].sort((x, y) => x - y);
  const runs: LayeredRun[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i]!, points[i + 1]!];
    const flags = merged.map((ranges) => ranges.some(([a, b]) => a <= start && end <= b));
    const last = runs[runs.length - 1];
    if (last && last.layers.every((f, k) => f === flags[k])) last.text += text.slice(start, end);
    else runs.push({ text: text.slice(start, end), start, layers: flags });
  }
  return runs;
}
