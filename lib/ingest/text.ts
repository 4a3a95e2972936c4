/**
 * Text helpers shared by the parsers. They repair extraction artefacts (typesetting spaces,
 * paragraphs cut by page breaks) and never add words.
 */
import type { ParsedParagraph, SourceLine } from "./types";

const CJK = "\\p{Script=Han}";
const CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】…—·「」『』";

export function toLines(text: string): SourceLine[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((t, i) => ({ n: i + 1, text: t }));
}

export const isBlank = (s: string) => s.trim() === "";

/**
 * Removes spaces that typesetting put between Chinese characters ("舒 勇", "文 明 互 鉴",
 * "2023年 12月"), but keeps a space that separates two phrases in a title or slogan when the
 * text around it is not letter-spaced.
 */
export function collapseCjkSpaces(input: string, options: { all?: boolean } = {}): string {
  let s = input
    .replace(/[\u00a0\u3000]/g, " ")
    .replace(/[ \t]+/g, " ")
    .trim();
  // Letter-spaced runs: three or more single characters separated by single spaces.
  s = s.replace(new RegExp(`(?:${CJK} ){2,}${CJK}`, "gu"), (run) => run.replace(/ /g, ""));
  // Spaces between a Chinese character or punctuation and a digit/ASCII word are typesetting.
  s = s.replace(new RegExp(`(${CJK}|[${CJK_PUNCT}]) (?=[0-9A-Za-z])`, "gu"), "$1");
  s = s.replace(new RegExp(`([0-9A-Za-z%]) (?=${CJK}|[${CJK_PUNCT}])`, "gu"), "$1");
  s = s.replace(new RegExp(`([${CJK_PUNCT}]) | (?=[${CJK_PUNCT}])`, "gu"), "$1");
  if (options.all) s = s.replace(new RegExp(`(${CJK}) (?=${CJK})`, "gu"), "$1");
  return s;
}

/** A name printed with spaces between its characters: "舒 勇" → "舒勇". */
export const cleanName = (s: string) => s.replace(/\s+/g, "");

/** Compare titles ignoring spaces and punctuation differences. */
export function titleKey(s: string): string {
  return s.normalize("NFKC").replace(/[\s\p{P}\p{S}]/gu, "");
}

// A closing quote or bracket ends a sentence only after sentence punctuation: "…“双碳”" does not.
const TERMINAL = /[。！？!?；;：:…][”"’』」）)】》]*$/u;
/** Ends like a finished sentence (or a quotation/bracket closing one). */
export const endsSentence = (s: string) => TERMINAL.test(s.trim());

const CN_NUM = "[一二三四五六七八九十百零〇]+";
const HEADING_PATTERNS: [RegExp, number][] = [
  [new RegExp(`^${CN_NUM}、`, "u"), 1],
  [new RegExp(`^[（(]${CN_NUM}[）)]`, "u"), 2],
  [/^\d{1,2}\s?[.．、](?!\d)/u, 3],
  [/^[（(]\d{1,2}[）)]/u, 4],
];

/** The enumerator level of a line ("一、" 1, "（一）" 2, "1." 3, "（1）" 4), heading or not. */
export function enumeratorLevel(text: string): number | null {
  const t = text.trim();
  for (const [re, level] of HEADING_PATTERNS) if (re.test(t)) return level;
  return null;
}

/** A heading is an enumerated line that is short and does not end as a sentence. */
export function headingLevel(text: string, maxLength = 60): number | null {
  const t = text.trim();
  const level = enumeratorLevel(t);
  if (level === null) return null;
  if (t.length > maxLength || /[。！？；]$/u.test(t)) return null;
  return level;
}

/** Starts a new item of an enumeration ("一是", "二、", "（三）", "1.", "首先", …). */
export function startsNewItem(text: string): boolean {
  const t = text.trim();
  return (
    enumeratorLevel(t) !== null ||
    new RegExp(`^${CN_NUM}是`, "u").test(t) ||
    /^(首先|其次|再次|最后|此外|第[一二三四五六七八九十]+[，,])/u.test(t)
  );
}

/**
 * Enumerated lines that look like headings but are the first line of a list item in running text,
 * cut from its tail by a page break ("1.要进一步加强…与城" / "市副中心…作用。"): one holding a finished
 * sentence ("（5）推动…建设。全面贯"), or a numbered item ("1." "（1）") whose sibling items in the
 * same list are body text. Heading-level items (一、 （一）) are left alone: their lists mix short
 * headings and run-in items freely.
 */
export function demoteRunInItems(paragraphs: ParsedParagraph[]): ParsedParagraph[] {
  const level = (p: ParsedParagraph) => enumeratorLevel(p.text);
  const siblingIsBody = (i: number, step: 1 | -1): boolean => {
    const l = paragraphs[i]!.headingLevel!;
    for (let j = i + step; j >= 0 && j < paragraphs.length; j += step) {
      const q = paragraphs[j]!;
      if (q.headingLevel !== null && q.headingLevel < l) return false;
      if (level(q) === l) return q.headingLevel === null;
    }
    return false;
  };
  return paragraphs.map((p, i) => {
    if (p.headingLevel === null) return p;
    const runIn = /[。！？][”’」』）)]*(?=.)/u.test(p.text);
    const listItem = p.headingLevel >= 3 && (siblingIsBody(i, 1) || siblingIsBody(i, -1));
    return runIn || listItem ? { ...p, headingLevel: null } : p;
  });
}

export interface Block {
  lines: SourceLine[];
}

/** Groups non-blank lines into blocks separated by blank lines; `gaps[i]` is the blank-line count before block i. */
export function toBlocks(lines: SourceLine[]): { blocks: Block[]; gaps: number[] } {
  const blocks: Block[] = [];
  const gaps: number[] = [];
  let current: SourceLine[] = [];
  let blank = 0;
  for (const line of lines) {
    if (isBlank(line.text)) {
      if (current.length) {
        blocks.push({ lines: current });
        current = [];
      }
      blank++;
    } else {
      if (!current.length) {
        gaps.push(blank);
        blank = 0;
      }
      current.push(line);
    }
  }
  if (current.length) blocks.push({ lines: current });
  return { blocks, gaps };
}

/**
 * Merges paragraphs that a page or column break cut in two: a body paragraph that does not end
 * as a sentence continues into the next one, unless the next one starts a new enumerated item
 * (then the source lost text, and we keep the gap rather than invent a join).
 */
export function joinBrokenParagraphs(
  paragraphs: ParsedParagraph[],
  onUnfinished?: (p: ParsedParagraph) => void,
): ParsedParagraph[] {
  const out: ParsedParagraph[] = [];
  for (const p of paragraphs) {
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.headingLevel === null &&
      p.headingLevel === null &&
      !endsSentence(prev.text) &&
      !startsNewItem(p.text)
    ) {
      prev.text = joinText(prev.text, p.text);
      prev.lineEnd = p.lineEnd;
      continue;
    }
    out.push({ ...p });
  }
  if (onUnfinished) for (const p of out) if (p.headingLevel === null && !endsSentence(p.text)) onUnfinished(p);
  return out;
}

/** Joins two fragments of one sentence: no space between Chinese, one between Latin words. */
export function joinText(a: string, b: string): string {
  const left = a.trimEnd();
  const right = b.trimStart();
  return /[A-Za-z0-9]$/.test(left) && /^[A-Za-z0-9]/.test(right) ? `${left} ${right}` : `${left}${right}`;
}
