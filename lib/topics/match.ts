/**
 * Finding a topic's defining terms in a passage, with the search's normalisation and segmentation
 * (lib/search: NFKC, simplified, lower case; jieba's search mode with the policy dictionary) and
 * the search's synonym table. A two-character term must be a word of the segmentation (教育 in
 * 教育资源, not 育 + 人 across a word boundary); a longer term may occur anywhere in the normalised
 * text (科技成果转化 however jieba cut it). A synonym counts below the written term.
 */
import { normalizeText } from "../search/normalize";
import { indexTokens } from "../search/segment";
import { synonymsOf } from "../search/synonyms";
import type { Topic } from "./taxonomy";

export interface TermPattern {
  topic: string;
  /** The defining term as the taxonomy writes it (normalised): what a reader is shown. */
  term: string;
  /** What is looked for: the term itself or one of its synonyms. */
  form: string;
  synonym: boolean;
}

export interface TermHit {
  pattern: TermPattern;
  count: number;
}

/** Every form of every term of every topic, each form once per topic. */
export function termPatterns(topics: readonly Topic[]): TermPattern[] {
  const out: TermPattern[] = [];
  for (const t of topics) {
    const seen = new Set<string>();
    const terms = t.terms.map(normalizeText);
    for (const term of terms) {
      if (!seen.has(term)) {
        seen.add(term);
        out.push({ topic: t.slug, term, form: term, synonym: false });
      }
    }
    for (const term of terms) {
      for (const s of synonymsOf(term)) {
        if (seen.has(s) || [...s].length < 2) continue;
        seen.add(s);
        out.push({ topic: t.slug, term, form: s, synonym: true });
      }
    }
  }
  return out;
}

function countOccurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) n++;
  return n;
}

/** A passage as the matcher reads it: normalised text and its search-mode words with their counts. */
export interface PreparedText {
  norm: string;
  words: Map<string, number>;
}

export function prepareText(text: string): PreparedText {
  const words = new Map<string, number>();
  for (const w of indexTokens(text)) words.set(w, (words.get(w) ?? 0) + 1);
  return { norm: normalizeText(text), words };
}

/** How often a form occurs in a passage. */
export function formCount(text: PreparedText, form: string): number {
  return [...form].length >= 3 ? countOccurrences(text.norm, form) : (text.words.get(form) ?? 0);
}

/**
 * The patterns found in a passage, with their counts. A short form inside a longer form of another
 * topic found in the same passage belongs to the longer one: 生态 in 创新生态 (science) is not
 * ecology, 医疗 in 医疗器械 (industry) is not health care.
 */
export function findTerms(text: PreparedText, patterns: readonly TermPattern[]): TermHit[] {
  const found: TermHit[] = [];
  for (const pattern of patterns) {
    const count = formCount(text, pattern.form);
    if (count) found.push({ pattern, count });
  }
  const long = found.filter((h) => [...h.pattern.form].length >= 3);
  const hits: TermHit[] = [];
  for (const h of found) {
    const inside = long
      .filter(
        (l) =>
          l.pattern.topic !== h.pattern.topic &&
          l.pattern.form !== h.pattern.form &&
          l.pattern.form.includes(h.pattern.form),
      )
      .reduce((a, l) => a + l.count * countOccurrences(l.pattern.form, h.pattern.form), 0);
    const count = h.count - inside;
    if (count > 0) hits.push({ pattern: h.pattern, count });
  }
  return hits;
}
