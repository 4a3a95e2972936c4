/**
 * A document's extract for lists: one or two sentences that say what it asks for. The first
 * recommendation when one can be found (the first point of its 建议/对策 section, or the first point
 * after "提出以下建议：", or the first point of a speech whose headings are its asks, or the first
 * sentence that says 建议), else its abstract (the first paragraph of substance). Pure: paragraphs
 * in, extract out; lists and person pages show it, linking to the paragraph it comes from.
 */

export interface ExtractParagraph {
  n: number;
  text: string;
  headingLevel: number | null;
}

export interface DocumentExtract {
  /** One or two sentences, at most about `maxChars` characters (an ellipsis when cut). */
  text: string;
  /** The paragraph it starts at (a reading page anchors it as p-n). */
  n: number;
  /** recommendation: the document's first recommendation; abstract: its first paragraph of substance. */
  basis: "recommendation" | "abstract";
}

/** Headings of a recommendations section: 对策建议, 意见和建议, 三、打造零碳大兴的建议, 措施建议 … */
const RECOMMENDATION_HEADING = /建议|对策|措施|举措/u;
/** Headings of background: 现状, 存在问题及不足, 面临形势, 主要做法及成效, 概念和应用领域 … */
const BACKGROUND_HEADING =
  /现状|情况|问题|不足|背景|形势|挑战|机遇|成效|做法|概念|意义|定义|优势|进展|回顾|变化|影响|研究|不够|不强|不高/u;
/** A paragraph that announces the recommendations: "特提出以下建议：", "具体建议如下：", "提出如下意见建议。". */
const ANNOUNCEMENT = /(?:建议|意见)[^。！？，,]{0,6}[：:]$|(?:以下|如下)[^。！？，,]{0,10}(?:建议|意见)[。：:]?$/u;
/** Openings that are formalities, not substance. */
const FORMALITY = /^(各位(领导|委员|代表|同志)|尊敬的|主任、|我发言的题目是|我代表|谢谢|以上情况)/u;
/** A sentence that asks: 他建议…, 建议增加…, but not the noun in 意见建议 or 建议书. */
const ASKS = /(?<!意见)建议(?!书)/u;
/** Heading numbers: 一、 （一） (一) 1. （1）. */
const HEADING_NUMBER = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]?)\s*/u;
/** Enumerators that open a point: 一是 / 首先 / 第一，/ 一方面 (the extract is already one point). */
const ENUMERATOR =
  /^(?:[一二三四五六七八九十]+是|首先|其次|第[一二三四五六七八九十]+|一方面|\d+[.．、]|[（(][一二三四五六七八九十\d]+[）)])[，,、：:]?\s*/u;
const SENTENCE_END = /[。！？；!?;]/u;
const CLOSING = /[”’」』）)]/u;

/** Splits text into sentences (a closing quote or bracket after the stop stays with its sentence). */
export function sentences(text: string): string[] {
  const out: string[] = [];
  const chars = [...text.trim()];
  let current = "";
  for (let i = 0; i < chars.length; i++) {
    current += chars[i]!;
    if (SENTENCE_END.test(chars[i]!)) {
      while (i + 1 < chars.length && CLOSING.test(chars[i + 1]!)) current += chars[++i]!;
      out.push(current);
      current = "";
    }
  }
  if (current.trim()) out.push(current);
  return out;
}

/** At most `maxChars` characters of text, cut with an ellipsis (trailing commas dropped). */
export function clip(text: string, maxChars: number): string {
  const chars = [...text];
  if (chars.length <= maxChars) return text;
  return `${chars
    .slice(0, maxChars)
    .join("")
    .replace(/[，,、；;：:\s]+$/u, "")}…`;
}

const isBody = (p: ExtractParagraph) => p.headingLevel === null;
const substantive = (p: ExtractParagraph) =>
  isBody(p) && [...p.text.trim()].length >= 20 && !ANNOUNCEMENT.test(p.text.trim()) && !FORMALITY.test(p.text.trim());
const headingTitle = (p: ExtractParagraph) => p.text.trim().replace(HEADING_NUMBER, "");
const point = (text: string) => text.trim().replace(ENUMERATOR, "");

/**
 * The point that starts at paragraph `at` (a heading or a body paragraph): a heading with the first
 * sentence of its first paragraph ("加强文化实体的保护和利用：积极探索文化遗产保护和活化利用。"), or the
 * first two sentences of a paragraph.
 */
function pointAt(paragraphs: readonly ExtractParagraph[], at: number, maxChars: number): DocumentExtract | null {
  const p = paragraphs[at];
  if (!p) return null;
  if (isBody(p)) {
    if (!substantive(p)) return pointAt(paragraphs, at + 1, maxChars);
    return { text: clip(sentences(point(p.text)).slice(0, 2).join(""), maxChars), n: p.n, basis: "recommendation" };
  }
  const next = paragraphs[at + 1];
  // A heading followed by a deeper heading ("三、对策建议" then "（一）…"): the point is the deeper one.
  if (next && !isBody(next) && next.headingLevel! > p.headingLevel!) {
    const inner = pointAt(paragraphs, at + 1, maxChars);
    return inner && { ...inner, n: p.n };
  }
  const title = headingTitle(p);
  const body = next && isBody(next) && substantive(next) ? sentences(point(next.text))[0] : undefined;
  return { text: clip(body ? `${title}：${body}` : title, maxChars), n: p.n, basis: "recommendation" };
}

/** Index of the heading that opens the recommendations, outside any background section; -1 if none. */
function recommendationSection(paragraphs: readonly ExtractParagraph[]): number {
  const open: boolean[] = []; // per heading level: is that heading background?
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    if (isBody(p)) continue;
    const level = p.headingLevel!;
    open.length = level - 1;
    const inBackground = open.some(Boolean);
    const title = headingTitle(p);
    if (!inBackground && RECOMMENDATION_HEADING.test(title) && !/不够|不足|问题/u.test(title)) return i;
    open[level - 1] = BACKGROUND_HEADING.test(title);
  }
  return -1;
}

/** The extract of a document from its paragraphs in order; null when it has no paragraph of substance. */
export function documentExtract(paragraphs: readonly ExtractParagraph[], maxChars = 110): DocumentExtract | null {
  // 1. The first point of the recommendations section.
  const section = recommendationSection(paragraphs);
  if (section >= 0) {
    const p = paragraphs[section]!;
    const first = paragraphs[section + 1];
    // Under "三、对策建议" the first point is its first sub-heading or paragraph, not the heading itself.
    const at = first && (isBody(first) || first.headingLevel! > p.headingLevel!) ? section + 1 : section;
    const found = pointAt(paragraphs, at, maxChars);
    if (found) return found;
  }
  // 2. The first point after "特提出以下建议：".
  const announced = paragraphs.findIndex((p) => isBody(p) && ANNOUNCEMENT.test(p.text.trim()));
  if (announced >= 0) {
    const found = pointAt(paragraphs, announced + 1, maxChars);
    if (found) return found;
  }
  // 3. A speech whose top headings are its asks: the first top heading that is not background,
  //    after the opening paragraphs.
  const top = Math.min(...paragraphs.filter((p) => !isBody(p)).map((p) => p.headingLevel!));
  const firstBody = paragraphs.findIndex(substantive);
  const asks = paragraphs.findIndex(
    (p, i) => i > firstBody && firstBody >= 0 && p.headingLevel === top && !BACKGROUND_HEADING.test(headingTitle(p)),
  );
  if (asks >= 0) {
    const found = pointAt(paragraphs, asks, maxChars);
    if (found) return found;
  }
  // 4. The first sentence that says 建议, with the one after it.
  for (const p of paragraphs) {
    if (!substantive(p)) continue;
    const s = sentences(p.text);
    const i = s.findIndex((x) => ASKS.test(x));
    if (i >= 0)
      return {
        text: clip(
          s
            .slice(i, i + 2)
            .join("")
            .trim(),
          maxChars,
        ),
        n: p.n,
        basis: "recommendation",
      };
  }
  // 5. The abstract: the first paragraph of substance.
  const abstract = paragraphs.find(substantive);
  if (!abstract) return null;
  return { text: clip(sentences(abstract.text).slice(0, 2).join(""), maxChars), n: abstract.n, basis: "abstract" };
}
