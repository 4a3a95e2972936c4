/**
 * The NPC journal issue: cover and masthead, a contents list ("- PAGE TITLE" + authoring office),
 * then the reports, each "关于…报告" + office line, headings 一、/（一）/1./（1）, ending with "□".
 * Photo captions and back matter are not body text.
 */
import { splitAffiliationAndName } from "../people";
import { bigramSimilarity } from "../similarity";
import {
  collapseCjkSpaces,
  demoteRunInItems,
  endsSentence,
  headingLevel,
  isBlank,
  joinBrokenParagraphs,
  startsNewItem,
  titleKey,
  toLines,
} from "../text";
import {
  ParseError,
  type ParseResult,
  type ParseWarning,
  type ParsedDocument,
  type ParsedParagraph,
  type SourceLine,
} from "../types";

interface TocEntry {
  page: number;
  title: string;
  author: string;
  line: number;
}

const CAPTION = [/摄影[/／]/u, /^📷/u, /^\d{1,2}月\d{1,2}日，.*(图为|摄$)/u, /手机随拍/u];
export const isCaption = (s: string) => CAPTION.some((re) => re.test(s.trim()));

export function parseReportToc(lines: SourceLine[]): { entries: TocEntry[]; end: number } {
  const entries: TocEntry[] = [];
  let end = -1;
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i]!.text.trim().match(/^-\s*(\d{1,3})\s+(关于.+)$/u);
    if (!m) continue;
    let j = i + 1;
    while (j < lines.length && isBlank(lines[j]!.text)) j++;
    const author = lines[j]?.text.trim() ?? "";
    if (!author || /^-\s*\d/.test(author))
      throw new ParseError(`contents entry "${m[2]}" has no author line`, lines[i]!.n);
    entries.push({
      page: Number(m[1]),
      title: collapseCjkSpaces(m[2]!, { all: true }),
      author: collapseCjkSpaces(author),
      line: lines[i]!.n,
    });
    end = j;
  }
  if (!entries.length) throw new ParseError('no contents list ("- PAGE 关于…报告") found', 1);
  return { entries, end };
}

/** Title candidates in the body: "关于…" lines, possibly wrapped onto a second line. */
function titleCandidates(lines: SourceLine[], from: number): { start: number; end: number; title: string }[] {
  const out: { start: number; end: number; title: string }[] = [];
  for (let i = from; i < lines.length; i++) {
    const t = lines[i]!.text.trim();
    if (!t.startsWith("关于") || endsSentence(t) || t.length > 70) continue;
    let title = t;
    let end = i;
    if (!/报告$/u.test(t)) {
      let j = i + 1;
      while (j < lines.length && isBlank(lines[j]!.text)) j++;
      const next = lines[j]?.text.trim() ?? "";
      if (!/报告$/u.test(next) || next.length > 40) continue;
      title = t + next;
      end = j;
    }
    out.push({ start: i, end, title: collapseCjkSpaces(title, { all: true }) });
  }
  return out;
}

export function parseReports(text: string): ParseResult {
  const lines = toLines(text);
  const warnings: ParseWarning[] = [];
  const { entries, end: tocEnd } = parseReportToc(lines);
  const candidates = titleCandidates(lines, tocEnd + 1);

  // Match contents entries to body titles in order; the printed titles differ slightly at times
  // (教育和发展规划 / 教育改革和发展规划), so by similarity rather than equality.
  const starts: { start: number; end: number; title: string }[] = [];
  let c = 0;
  for (const entry of entries) {
    let found = -1;
    for (let k = c; k < candidates.length; k++) {
      if (bigramSimilarity(titleKey(candidates[k]!.title), titleKey(entry.title)) >= 0.75) {
        found = k;
        break;
      }
    }
    if (found < 0)
      throw new ParseError(`report "${entry.title}" from the contents was not found in the body`, entry.line);
    starts.push(candidates[found]!);
    if (titleKey(candidates[found]!.title) !== titleKey(entry.title)) {
      warnings.push({
        line: lines[candidates[found]!.start]!.n,
        message: `title differs from the contents: "${entry.title}"`,
      });
    }
    c = found + 1;
  }

  const documents: ParsedDocument[] = entries.map((entry, idx) => {
    const head = starts[idx]!;
    const limit = idx + 1 < starts.length ? starts[idx + 1]!.start : lines.length;
    let i = head.end + 1;
    const next = () => {
      while (i < limit && isBlank(lines[i]!.text)) i++;
      return i < limit ? collapseCjkSpaces(lines[i]!.text) : "";
    };
    let subtitle: string | null = null;
    if (next().startsWith("——")) {
      subtitle = next();
      i++;
    }
    let authoringOffice: string | null = null;
    const speakers: ParsedDocument["speakers"] = [];
    const authorLine = next();
    if (titleKey(authorLine) === titleKey(entry.author)) {
      authoringOffice = authorLine;
      i++;
    } else if (
      authorLine.endsWith(entry.author.replace(/\s+/g, "")) ||
      authorLine.replace(/\s+/g, "").endsWith(entry.author.replace(/\s+/g, ""))
    ) {
      const person = splitAffiliationAndName(authorLine.replace(/\s+/g, ""));
      if (person) speakers.push({ name: person.name, role: null, affiliation: person.affiliation });
      const office = person?.affiliation?.match(/^(.*?(?:办公室|委员会|工作机构))/u)?.[1];
      authoringOffice = office ?? null;
      i++;
    } else {
      warnings.push({
        line: lines[i]?.n ?? lines[head.end]!.n,
        message: `no author line "${entry.author}" under the title`,
      });
      authoringOffice = entry.author;
    }

    const raw: ParsedParagraph[] = [];
    let lastLine = head.end;
    for (; i < limit; i++) {
      const l = lines[i]!;
      if (isBlank(l.text)) continue;
      let t = collapseCjkSpaces(l.text.replace(/^-\s+/u, ""));
      if (isCaption(t)) continue;
      t = t.replace(/\s*□\s*$/u, "");
      if (!t) continue;
      const level = headingLevel(t);
      // A heading's space between two characters is where the typesetting wrapped it
      // ("一、“十三五”期间本市教育事业 发展情况"), as in the titles.
      raw.push({
        text: level === null ? t : collapseCjkSpaces(t, { all: true }),
        headingLevel: level,
        lineStart: l.n,
        lineEnd: l.n,
      });
      lastLine = i;
    }
    const paragraphs = joinBrokenParagraphs(demoteRunInItems(joinWrappedHeadings(raw)), (p) =>
      warnings.push({ line: p.lineEnd, message: `report ${idx + 1}: paragraph ends mid-sentence in the source` }),
    );
    return {
      kind: "report",
      ordinal: idx + 1,
      title: head.title,
      subtitle,
      authoringOffice,
      lineStart: lines[head.start]!.n,
      lineEnd: lines[lastLine]!.n,
      speakers,
      paragraphs,
    };
  });
  return { documents, plan: null, warnings };
}

/** Words a heading cannot end on: the line broke inside a phrase ("…企业得" / "不到…"). */
const DANGLING = /[的得地之和与及或并对在把将被从向为以于其]$/u;

/**
 * A heading wrapped onto the next line ("（四）掌握…企业得" / "不到良好的生存环境…", "（一）关于教育事业
 * 发展的指导" / "思想") is one heading. But the first line of the body, cut from the rest of its
 * paragraph by a page break ("三、对做好…的意见建议" / "编制北京市“十四五”规划，要坚持以习近平" /
 * "新时代…"), is not: a continuation is a short tail without a clause break of its own, or
 * completes a heading that stopped on a word no heading ends with.
 */
export function isHeadingContinuation(heading: string, line: string): boolean {
  if (line.length > 30 || endsSentence(line) || startsNewItem(line)) return false;
  if (heading.length + line.length > 70 || /[，,：:；;。]/u.test(line)) return false;
  return line.length <= 10 || DANGLING.test(heading);
}

export function joinWrappedHeadings(paragraphs: ParsedParagraph[]): ParsedParagraph[] {
  const out: ParsedParagraph[] = [];
  for (const p of paragraphs) {
    const prev = out[out.length - 1];
    if (prev?.headingLevel && p.headingLevel === null && isHeadingContinuation(prev.text, p.text)) {
      prev.text += p.text;
      prev.lineEnd = p.lineEnd;
      continue;
    }
    out.push({ ...p });
  }
  return out;
}
