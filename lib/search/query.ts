/**
 * The query language: words (documents with all of them first, then those with most of them),
 * "exact phrase", -exclude, OR between two items. Anything else — operators of other syntaxes,
 * unbalanced quotes, emoji, very long input — is read as text. Parsing never fails.
 *
 * Each word is also expanded, below its literal weight: to its synonyms and thesaurus neighbours
 * (./thesaurus.ts), and to its parts (a compound typed as one word, 停车难 → 停车). A character
 * typed alone means the word: the words in which it does not mean itself (水 in 水平) rank lower,
 * unless it is quoted. Quoted phrases are matched exactly, with no expansion.
 */
import { normalizeText } from "./normalize";
import { contentTokens, subWords } from "./segment";
import { thesaurus, type Expansion } from "./thesaurus";

export interface QueryTerm {
  /** As typed. */
  raw: string;
  /** Normalised, punctuation removed: what substring matching and highlighting look for. */
  norm: string;
  /** Segmented words for the full-text index. */
  tokens: string[];
  phrase: boolean;
  /** Synonyms and thesaurus neighbours, strongest first, ranked below the literal term. */
  expansions: Expansion[];
  /** Thesaurus neighbours of words inside a compound: they count as its parts do. */
  partExpansions: Expansion[];
  /** The words of a compound, matched (lower still) where the whole is absent: 企业贷款难 → 企业, 贷款. */
  parts: string[];
  /** For one character typed alone: the words in which it does not mean itself (水平 for 水). */
  notTheWord: string[];
  /**
   * For a compound of two words, each word's synonyms that may stand in for it (AI监管: 人工智能 for
   * ai): the words together, each as typed or as a synonym, are the term.
   */
  wordSynonyms: Record<string, string[]>;
}

export interface ParsedQuery {
  /** AND of clauses; a clause matches when any of its terms does (OR). */
  clauses: QueryTerm[][];
  excludes: QueryTerm[];
}

const MAX_QUERY = 500;
const MAX_TERMS = 16;
const MAX_TERM_LENGTH = 60;

/** Keeps letters, digits and CJK; everything else separates or disappears. */
function stripSymbols(s: string): string {
  return s
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

/** At most this many expansions per term: each one costs an index scan and a score per paragraph. */
export const MAX_EXPANSIONS = 4;
/** The thesaurus entries of words inside a compound count for less than those of the whole. */
const WORD_EXPANSION_FACTOR = 0.7;
const MAX_PARTS = 3;

/**
 * The words of a compound worth matching alone: its content words (two characters or more), or
 * for a single word (停车难, 养老院) the shorter words inside it.
 */
export function partsOf(norm: string, tokens: readonly string[]): string[] {
  let parts = tokens.filter((t) => [...t].length >= 2 && t !== norm);
  if (!parts.length && [...norm].length >= 3) parts = subWords(norm).filter((t) => [...t].length >= 2 && t !== norm);
  // A part inside another part adds nothing (养老 inside 养老服务).
  parts = [...new Set(parts)];
  return parts.filter((p) => !parts.some((q) => q !== p && q.includes(p))).slice(0, MAX_PARTS);
}

/**
 * A thesaurus term inside a compound that makes up this much of it stands for the whole
 * (企业贷款 in 企业贷款难); a shorter one is one of its parts (孩子 in 孩子上幼儿园难).
 */
const WHOLE_SHARE = 0.6;

/**
 * Thesaurus and synonym expansions of a term, strongest first: those of the term itself and of a
 * thesaurus term making up most of it stand for the term (`whole`); those of shorter terms inside
 * it count, weaker, as its parts do (`parts`).
 */
export function expansionsOf(norm: string, tokens: readonly string[]): { whole: Expansion[]; parts: Expansion[] } {
  const t = thesaurus();
  const whole: Expansion[] = [...t.expand(norm)];
  const parts: Expansion[] = [];
  const length = [...norm].length;
  for (const inner of new Set([...t.termsIn(norm), ...tokens.filter((w) => w !== norm)])) {
    const share = [...inner].length / length;
    for (const e of t.expand(inner))
      (share >= WHOLE_SHARE ? whole : parts).push({ ...e, weight: e.weight * WORD_EXPANSION_FACTOR });
  }
  const pick = (list: Expansion[], exclude: Set<string>) => {
    const out = new Map<string, Expansion>();
    for (const e of list) {
      // An expansion the term contains, or one containing the term, is matched by the term already.
      if (e.norm.includes(norm) || norm.includes(e.norm) || exclude.has(e.norm)) continue;
      const old = out.get(e.norm);
      if (!old || old.weight < e.weight) out.set(e.norm, e);
    }
    return [...out.values()].sort((a, b) => b.weight - a.weight).slice(0, MAX_EXPANSIONS);
  };
  const w = pick(whole, new Set(tokens));
  return { whole: w, parts: pick(parts, new Set([...tokens, ...w.map((e) => e.norm)])) };
}

/** At most this many synonyms stand in for each word of a compound. */
const MAX_WORD_SYNONYMS = 2;

/**
 * The synonyms of each word of a compound of two content words (a question's words are left as
 * they are: any two of them already match), other than words the compound holds.
 */
export function wordSynonymsOf(norm: string, tokens: readonly string[]): Record<string, string[]> {
  const words = tokens.filter((w) => [...w].length >= 2);
  if (words.length !== 2) return {};
  const out: Record<string, string[]> = {};
  for (const w of words) {
    const synonyms = thesaurus()
      .expand(w)
      .filter((e) => e.relation === "synonym" && !norm.includes(e.norm) && /^[\p{L}\p{N}.]+$/u.test(e.norm))
      .slice(0, MAX_WORD_SYNONYMS)
      .map((e) => e.norm);
    if (synonyms.length) out[w] = synonyms;
  }
  return out;
}

/**
 * Which of the added signals a parse uses (all by default): the benchmark turns them off one at a
 * time to say what each costs.
 */
export interface ParseOptions {
  /** Synonym and thesaurus expansions. */
  thesaurus?: boolean;
  /** A compound's parts and the thesaurus neighbours of words inside it (partial matches). */
  parts?: boolean;
}

function makeTerm(raw: string, phrase: boolean, options: ParseOptions = {}): QueryTerm | null {
  const cleaned = stripSymbols(normalizeText(raw));
  const norm = cleaned.replace(/(?<=\p{Script=Han}) | (?=\p{Script=Han})/gu, "").slice(0, MAX_TERM_LENGTH);
  if (!norm) return null;
  const words = contentTokens(norm).filter((t) => /^[\p{L}\p{N}.]+$/u.test(t));
  const tokens = words.length ? words : [norm];
  const expanded = phrase || options.thesaurus === false ? { whole: [], parts: [] } : expansionsOf(norm, tokens);
  return {
    raw,
    norm,
    tokens,
    phrase,
    expansions: expanded.whole,
    partExpansions: options.parts === false ? [] : expanded.parts,
    parts: phrase || options.parts === false ? [] : partsOf(norm, tokens),
    notTheWord: !phrase && [...norm].length === 1 ? thesaurus().notTheWord(norm) : [],
    wordSynonyms: phrase || options.thesaurus === false ? {} : wordSynonymsOf(norm, tokens),
  };
}

interface Lexeme {
  text: string;
  phrase: boolean;
  exclude: boolean;
  or: boolean;
}

function lex(input: string): Lexeme[] {
  const out: Lexeme[] = [];
  // Control characters (NUL above all) cannot reach PostgreSQL text; they separate words.
  const s = input.slice(0, MAX_QUERY).replace(/[\u0000-\u001f\u007f]/gu, " ");
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (/\s/u.test(c)) {
      i++;
      continue;
    }
    let exclude = false;
    let j = i;
    if ((c === "-" || c === "－") && j + 1 < s.length && !/\s/u.test(s[j + 1]!)) {
      exclude = true;
      j++;
    }
    const q = s[j];
    if (q === '"' || q === "“" || q === "”" || q === "「") {
      const close = s.slice(j + 1).search(/["”“」]/u);
      if (close >= 0) {
        out.push({ text: s.slice(j + 1, j + 1 + close), phrase: true, exclude, or: false });
        i = j + close + 2;
        continue;
      }
      j++; // an unclosed quote is just a character
    }
    let k = j;
    while (k < s.length && !/\s/u.test(s[k]!)) k++;
    const word = s.slice(j, k);
    out.push({ text: word, phrase: false, exclude, or: !exclude && (word === "OR" || word === "|") });
    i = k;
  }
  return out;
}

export function parseQuery(input: string, options: ParseOptions = {}): ParsedQuery {
  const clauses: QueryTerm[][] = [];
  const excludes: QueryTerm[] = [];
  let joinNext = false;
  let count = 0;
  for (const l of lex(input)) {
    if (count >= MAX_TERMS) break;
    if (l.or) {
      joinNext = clauses.length > 0;
      continue;
    }
    const term = makeTerm(l.text, l.phrase, options);
    if (!term) continue;
    count++;
    if (l.exclude) excludes.push(term);
    else if (joinNext) clauses[clauses.length - 1]!.push(term);
    else clauses.push([term]);
    joinNext = false;
  }
  return { clauses, excludes };
}

/**
 * A term of this many words is read as "any two of them" (a question, a long phrase): a word of it
 * the corpus never uses pairs with nothing, so it is read as the corpus's words inside it.
 */
const LONG_TERM = 3;

/** The words of long terms whose use in the corpus decides how they are read (`withCorpusWords`). */
export function wordsToCount(query: ParsedQuery): string[] {
  const out = new Set<string>();
  for (const t of query.clauses.flat())
    if (!t.phrase && t.tokens.length >= LONG_TERM)
      for (const w of t.tokens) if ([...w].length >= 3) for (const s of [w, ...subWords(w)]) out.add(s);
  return [...out];
}

/**
 * The query with each word of a long term that no paragraph contains (`df` is 0) replaced by the
 * two or more shorter words inside it that paragraphs do contain: 孩子心理压力大该找谁 is segmented
 * 孩子 / 心理压力 / 大该 / 找 / 谁, and the corpus says 心理 and 压力 but never 心理压力. A word with
 * fewer such words stays (年轻人 is not the compound 年轻 + 人; a word matching nothing matches
 * nothing either way), and so does every word whose count is unknown.
 */
export function withCorpusWords(query: ParsedQuery, df: ReadonlyMap<string, number>): ParsedQuery {
  const present = (w: string) => (df.get(w) ?? 0) > 0;
  const refine = (t: QueryTerm): QueryTerm => {
    if (t.phrase || t.tokens.length < LONG_TERM) return t;
    let changed = false;
    const tokens = t.tokens.flatMap((w) => {
      if (df.get(w) !== 0) return [w];
      const inner = subWords(w).filter((s) => s !== w && [...s].length >= 2 && present(s));
      const kept = inner.filter((s) => !inner.some((o) => o !== s && o.includes(s)));
      if (kept.length < 2) return [w];
      changed = true;
      return kept;
    });
    if (!changed) return t;
    const unique = [...new Set(tokens)];
    return { ...t, tokens: unique, parts: t.parts.length ? partsOf(t.norm, unique) : [] };
  };
  return { clauses: query.clauses.map((c) => c.map(refine)), excludes: query.excludes };
}

/** At most this many words weigh a query's groups by term frequency and rarity (`weightedWords`). */
export const MAX_WEIGHTED_WORDS = 6;

/**
 * The words that weigh each result as BM25 would (how often a document uses them, how rare they are
 * in the corpus): the content words of each term (a question's or compound's words, each alone),
 * or the term itself; two characters or more (a character alone is mostly grammar in a question
 * and is ranked as a word of its own elsewhere); quoted phrases as typed.
 */
export function weightedWords(query: ParsedQuery): string[] {
  const out = new Set<string>();
  for (const clause of query.clauses)
    for (const t of clause) {
      const words = t.phrase || t.tokens.length < 2 ? [t.norm] : t.tokens;
      for (const w of words) if ([...w].length >= 2 && !w.includes(" ")) out.add(w);
    }
  return [...out].slice(0, MAX_WEIGHTED_WORDS);
}

/** The parts of the query's compounds and their thesaurus neighbours (what a partial match is made of). */
export function partWords(query: ParsedQuery): string[] {
  return [...new Set(query.clauses.flat().flatMap((t) => [...t.parts, ...t.partExpansions.map((e) => e.norm)]))];
}

/** Every string worth highlighting for this query: terms, their words, parts and expansions. */
export function highlightNeedles(query: ParsedQuery): string[] {
  const needles = new Set<string>();
  for (const clause of query.clauses) {
    for (const t of clause) {
      needles.add(t.norm);
      if (!t.phrase && t.tokens.length > 1) for (const tok of t.tokens) if (tok.length > 1) needles.add(tok);
      // The words a long term's word may be read as (withCorpusWords): a reading page opened from
      // the search has no counts, and marks them all; the longer needle still wins where both match.
      if (!t.phrase && t.tokens.length >= LONG_TERM)
        for (const tok of t.tokens)
          if (tok.length >= 3) for (const w of subWords(tok)) if (w.length > 1) needles.add(w);
      for (const e of [...t.expansions, ...t.partExpansions]) needles.add(e.norm);
      for (const p of t.parts) needles.add(p);
    }
  }
  return [...needles].filter(Boolean).sort((a, b) => b.length - a.length);
}

/** The strings to mark on a reading page opened from a search for q (none without q). */
export function needlesForQuery(q: string | undefined): string[] {
  return q ? highlightNeedles(parseQuery(q)) : [];
}

/**
 * A to_tsquery expression over a term's words: all of them for one or two words, any two of them
 * for more (a question like 怎样降低企业用工成本 should not need every word), but not two of the
 * `common` words together unless no other pair is left. Words hold only letters, digits and dots,
 * and are quoted.
 */
export function tsqueryFor(
  tokens: string[],
  mode: "literal" | "synonym" = "literal",
  common: ReadonlySet<string> = new Set(),
  synonyms: Readonly<Record<string, string[]>> = {},
): string {
  let words = [...new Set(tokens.map((t) => t.replace(/[^\p{L}\p{N}.]/gu, "")))].filter(Boolean).slice(0, 8);
  if (!words.length) return "";
  if (words.length > 2 && mode === "literal") {
    // In a question, a one-character word is mostly grammar (来, 让, 把); pairing it with a
    // content word matches nearly everything that has the content word.
    const content = words.filter((w) => [...w].length > 1);
    if (content.length >= 2) words = content;
  }
  if (words.length <= 2 && mode === "literal") {
    // Each word as typed or as a synonym standing in for it: ('ai' | '人工智能') & '监管'.
    const alternatives = (w: string) =>
      [w, ...(synonyms[w] ?? [])].map((x) => x.replace(/[^\p{L}\p{N}.]/gu, "")).filter(Boolean);
    return words
      .map((w) => {
        const forms = alternatives(w).map((x) => `'${x}'`);
        return forms.length > 1 ? `(${forms.join(" | ")})` : `'${w}'`;
      })
      .join(" & ");
  }
  words = words.map((w) => `'${w}'`);
  if (words.length <= 2 || mode === "synonym") return words.join(" & ");
  const pairs: string[] = [];
  const isCommon = (w: string) => common.has(w.slice(1, -1));
  for (let i = 0; i < words.length; i++)
    for (let j = i + 1; j < words.length; j++)
      if (!(isCommon(words[i]!) && isCommon(words[j]!))) pairs.push(`(${words[i]} & ${words[j]})`);
  if (!pairs.length) return tsqueryFor(tokens, mode);
  return pairs.join(" | ");
}
