/**
 * The query language: words (all must match), "exact phrase", -exclude, OR between two items.
 * Anything else — operators of other syntaxes, unbalanced quotes, emoji, very long input — is
 * read as text. Parsing never fails.
 */
import { normalizeText } from "./normalize";
import { queryTokens } from "./segment";
import { synonymsOf } from "./synonyms";

export interface QueryTerm {
  /** As typed. */
  raw: string;
  /** Normalised, punctuation removed: what substring matching and highlighting look for. */
  norm: string;
  /** Segmented words for the full-text index. */
  tokens: string[];
  phrase: boolean;
  /** Expansions from the synonym table, ranked below the literal term. */
  synonyms: { norm: string; tokens: string[] }[];
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

function makeTerm(raw: string, phrase: boolean): QueryTerm | null {
  const cleaned = stripSymbols(normalizeText(raw));
  const norm = cleaned.replace(/(?<=\p{Script=Han}) | (?=\p{Script=Han})/gu, "").slice(0, MAX_TERM_LENGTH);
  if (!norm) return null;
  const tokens = queryTokens(norm).filter((t) => /^[\p{L}\p{N}.]+$/u.test(t));
  const synonyms = phrase ? [] : synonymsOf(norm).map((s) => ({ norm: s, tokens: queryTokens(s) }));
  return { raw, norm, tokens: tokens.length ? tokens : [norm], phrase, synonyms };
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

export function parseQuery(input: string): ParsedQuery {
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
    const term = makeTerm(l.text, l.phrase);
    if (!term) continue;
    count++;
    if (l.exclude) excludes.push(term);
    else if (joinNext) clauses[clauses.length - 1]!.push(term);
    else clauses.push([term]);
    joinNext = false;
  }
  return { clauses, excludes };
}

/** Every string worth highlighting for this query: terms, their words and synonyms. */
export function highlightNeedles(query: ParsedQuery): string[] {
  const needles = new Set<string>();
  for (const clause of query.clauses) {
    for (const t of clause) {
      needles.add(t.norm);
      if (!t.phrase && t.tokens.length > 1) for (const tok of t.tokens) if (tok.length > 1) needles.add(tok);
      for (const s of t.synonyms) needles.add(s.norm);
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
 * for more (a question like 怎样降低企业用工成本 should not need every word). Words hold only
 * letters, digits and dots, and are quoted.
 */
export function tsqueryFor(tokens: string[], mode: "literal" | "synonym" = "literal"): string {
  let words = [...new Set(tokens.map((t) => t.replace(/[^\p{L}\p{N}.]/gu, "")))].filter(Boolean).slice(0, 8);
  if (!words.length) return "";
  if (words.length > 2 && mode === "literal") {
    // In a question, a one-character word is mostly grammar (来, 让, 把); pairing it with a
    // content word matches nearly everything that has the content word.
    const content = words.filter((w) => [...w].length > 1);
    if (content.length >= 2) words = content;
  }
  words = words.map((w) => `'${w}'`);
  if (words.length <= 2 || mode === "synonym") return words.join(" & ");
  const pairs: string[] = [];
  for (let i = 0; i < words.length; i++)
    for (let j = i + 1; j < words.length; j++) pairs.push(`(${words[i]} & ${words[j]})`);
  return pairs.join(" | ");
}
