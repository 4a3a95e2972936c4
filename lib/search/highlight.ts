/**
 * Highlighting: where the searched-for words occur in a text ([start, end) ranges found through
 * normalisation), a snippet around them, and the split of a text into plain and marked runs.
 * Highlights are computed here and rendered as React elements: document text is never injected
 * as HTML. (The words to look for come from ./query.ts: highlightNeedles, needlesForQuery.)
 */
import { normalizeWithMap } from "./normalize";

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

/** Ranges of the original text where any needle (normalised) occurs. */
export function findRanges(text: string, needles: string[]): [number, number][] {
  if (!needles.length) return [];
  const { text: norm, map } = normalizeWithMap(text);
  const ranges: [number, number][] = [];
  for (const needle of needles) {
    if (!needle) continue;
    let at = norm.indexOf(needle);
    while (at >= 0) {
      ranges.push([map[at]!, map[at + needle.length]!]);
      at = norm.indexOf(needle, at + needle.length);
    }
  }
  return mergeRanges(ranges);
}

/** A window of the paragraph around its first highlight, with highlights shifted into it. */
export function snippet(
  text: string,
  ranges: [number, number][],
  width = 140,
): { text: string; highlights: [number, number][] } {
  if (text.length <= width) return { text, highlights: ranges };
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(width / 3));
  // Prefer to start after a sentence break close before the match.
  const cut = text.slice(start, first).search(/[。；！？][^。；！？]*$/u);
  if (cut >= 0 && first - (start + cut + 1) < width / 2) start = start + cut + 1;
  const end = Math.min(text.length, start + width);
  const prefix = start > 0 ? "…" : "";
  const suffix = end < text.length ? "…" : "";
  const shifted = ranges
    .filter(([a, b]) => b > start && a < end)
    .map(
      ([a, b]) =>
        [Math.max(a, start) - start + prefix.length, Math.min(b, end) - start + prefix.length] as [number, number],
    );
  return { text: `${prefix}${text.slice(start, end)}${suffix}`, highlights: shifted };
}
