import { mergeRanges } from "../text/highlight";
import { normalizeWithMap } from "./normalize";
import { highlightNeedles, parseQuery } from "./query";

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

/** The strings to mark on a reading page opened from a search for q (none without q). */
export function needlesForQuery(q: string | undefined): string[] {
  return q ? highlightNeedles(parseQuery(q)) : [];
}
