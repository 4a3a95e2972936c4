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
  const sorted = ranges.filter(([a, b]) => b > a).map(([a, b]) => [a, b] as [number, number]).sort((x, y) => x[0] - y[0]);
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
