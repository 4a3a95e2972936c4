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

/** Characters each of which NFKC and lower case turn into exactly one (and none of them a space). */
const ONE_TO_ONE = /^[\u4e00-\u9fff\u3001-\u303f\uff01-\uff5e\u0021-\u007e“”‘’—·]*$/u;

export function normalizeText(input: string): string {
  return normalizeWithMap(input).text;
}

export function normalizeWithMap(input: string): { text: string; map: number[] } {
  // opencc converts character by character for the common table, keeping lengths; phrases that
  // change length are rare in this corpus, and then we fall back to per-character conversion.
  const simplified = simplify(input);
  // Most paragraphs are ideographs and punctuation that NFKC maps one to one (，→ ,): the whole
  // string is normalised at once, its map the identity. Per character below is ten times slower.
  if (simplified.length === input.length && ONE_TO_ONE.test(simplified)) {
    const text = simplified.normalize("NFKC").toLowerCase();
    if (text.length === input.length) {
      const map = new Array<number>(text.length + 1);
      for (let i = 0; i <= text.length; i++) map[i] = i;
      return { text, map };
    }
  }
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
