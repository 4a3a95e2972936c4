/**
 * One normalisation for indexed text and queries: NFKC (full-width → half-width), traditional →
 * simplified, lower case, whitespace removed between Chinese characters. `normalizeWithMap` also
 * returns, for every character of the result, its offset in the original, so highlights found in
 * normalised text land on the right characters of the text a reader sees.
 */
import * as OpenCC from "opencc-js/t2cn";

let toSimplified: ((s: string) => string) | null = null;
function simplify(s: string): string {
  toSimplified ??= OpenCC.Converter({ from: "hk", to: "cn" });
  return toSimplified(s);
}

function normalizeChar(c: string): string {
  return c.normalize("NFKC").toLowerCase();
}

export function normalizeText(input: string): string {
  return normalizeWithMap(input).text;
}

export function normalizeWithMap(input: string): { text: string; map: number[] } {
  // opencc converts character by character for the common table, keeping lengths; phrases that
  // change length are rare in this corpus, and then we fall back to per-character conversion.
  const simplified = simplify(input);
  const source =
    [...simplified].length === [...input].length ? simplified : [...input].map((c) => simplify(c)).join("");
  let text = "";
  const map: number[] = [];
  let offset = 0;
  const chars = [...source];
  const originals = [...input];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const width = originals[i]?.length ?? c.length;
    if (/\s/u.test(c)) {
      // Keep one space only between Latin/digit words; between Chinese it is typesetting.
      const prev = text[text.length - 1];
      const next = chars[i + 1];
      if (prev && next && /[a-z0-9]/.test(prev) && /[A-Za-z0-9]/.test(next) && prev !== " ") {
        text += " ";
        map.push(offset);
      }
    } else {
      for (const n of normalizeChar(c)) {
        text += n;
        map.push(offset);
      }
    }
    offset += width;
  }
  map.push(offset);
  return { text, map };
}
