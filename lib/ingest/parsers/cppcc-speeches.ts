/**
 * CPPCC plenary speeches (大会发言材料): a table of contents, then per speech a title, greeting,
 * "我发言的题目是《…》", body, and a closing "发言人：NAME ROLE" with affiliation lines.
 */
import { joinAffiliationLines } from "../people";
import { cleanName, collapseCjkSpaces, headingLevel, isBlank, joinBrokenParagraphs, titleKey, toLines } from "../text";
import {
  ParseError,
  type ParseResult,
  type ParseWarning,
  type ParsedDocument,
  type ParsedParagraph,
  type SourceLine,
} from "../types";

export interface SpeechOptions {
  /** Regular expressions of running page headers to drop. */
  runningHeaders: string[];
}

interface TocEntry {
  ordinal: number;
  title: string;
  speaker: string;
  page: number;
  line: number;
}

const SPEAKER_LINE = /^发言人[：:]\s*(.+)$/u;

export function parseTocEntries(lines: SourceLine[]): TocEntry[] {
  const start = lines.findIndex((l) => /^目\s*录$/u.test(l.text.trim()));
  if (start < 0) throw new ParseError("no table of contents (目录) found", 1);
  const entries: TocEntry[] = [];
  let pending: { ordinal: number; text: string; line: number } | null = null;
  const flush = () => {
    if (!pending) return;
    const m = pending.text.match(/^(.*?)（(\d+)）$/u);
    if (!m) throw new ParseError(`table-of-contents entry without a page number: "${pending.text}"`, pending.line);
    const body = m[1]!.trim();
    let title: string;
    let speaker: string;
    const dots = body.match(/^(.*?)\s*\.{2,}\s*(.+)$/u);
    if (dots) {
      title = dots[1]!;
      speaker = dots[2]!;
    } else {
      const split = body.match(/^(.*?)\s+(\p{Script=Han}[\p{Script=Han} ]{1,4})$/u);
      if (!split) throw new ParseError(`cannot find the speaker in "${body}"`, pending.line);
      title = split[1]!;
      speaker = split[2]!;
    }
    entries.push({
      ordinal: pending.ordinal,
      title: title.trim(),
      speaker: cleanName(speaker),
      page: Number(m[2]),
      line: pending.line,
    });
    pending = null;
  };
  for (let i = start + 1; i < lines.length; i++) {
    const text = lines[i]!.text.trim();
    const entry = text.match(/^(\d+)\.\s*(.*)$/u);
    if (entry) {
      flush();
      pending = { ordinal: Number(entry[1]), text: entry[2]!, line: lines[i]!.n };
    } else if (pending && text) {
      pending.text += text.startsWith(".") ? ` ${text}` : text;
    } else if (!text && pending && /（\d+）$/u.test(pending.text)) {
      flush();
    } else if (text && !pending && entries.length) {
      break; // first line after the contents
    }
  }
  flush();
  return entries;
}

/** Finds where a title from the contents starts in the body, allowing for wrapping and stray spaces. */
function findTitle(lines: SourceLine[], from: number, title: string): { start: number; end: number } | null {
  const key = titleKey(title);
  for (let i = from; i < lines.length; i++) {
    const k = titleKey(lines[i]!.text);
    if (k.length < 4 || !key.startsWith(k)) continue;
    let acc = k;
    let j = i;
    while (acc !== key && j + 1 < lines.length) {
      j++;
      const next = titleKey(lines[j]!.text);
      if (!next) continue;
      if (!key.startsWith(acc + next)) break;
      acc += next;
    }
    if (acc === key) return { start: i, end: j };
  }
  return null;
}

export function parseSpeeches(text: string, options: SpeechOptions): ParseResult {
  const headerRes = options.runningHeaders.map((r) => new RegExp(r, "u"));
  const lines = toLines(text).map((l) => (headerRes.some((re) => re.test(l.text.trim())) ? { n: l.n, text: "" } : l));
  const warnings: ParseWarning[] = [];
  const toc = parseTocEntries(lines);
  if (!toc.length) throw new ParseError("the table of contents lists no speeches", 1);
  const tocEnd = Math.max(...toc.map((e) => e.line));
  const bodyStart = lines.findIndex(
    (l) => l.n > tocEnd + 1 && !isBlank(l.text) && !/^\.+/.test(l.text.trim()) && !/（\d+）$/u.test(l.text.trim()),
  );

  // Locate every speech's title in order.
  const starts: { start: number; end: number }[] = [];
  let cursor = bodyStart;
  for (const entry of toc) {
    const found = findTitle(lines, cursor, entry.title);
    if (!found)
      throw new ParseError(
        `speech ${entry.ordinal} "${entry.title}" from the contents was not found in the body`,
        entry.line,
      );
    starts.push(found);
    cursor = found.end + 1;
  }

  const documents: ParsedDocument[] = toc.map((entry, idx) => {
    const { start, end: titleEnd } = starts[idx]!;
    const limit = idx + 1 < starts.length ? starts[idx + 1]!.start : lines.length;
    const speakerIdx = lines.findIndex((l, i) => i > titleEnd && i < limit && SPEAKER_LINE.test(l.text.trim()));
    if (speakerIdx < 0) throw new ParseError(`speech ${entry.ordinal} has no "发言人：" line`, lines[start]!.n);

    const raw: ParsedParagraph[] = [];
    for (let i = titleEnd + 1; i < speakerIdx; i++) {
      const l = lines[i]!;
      if (isBlank(l.text)) continue;
      const t = collapseCjkSpaces(l.text);
      raw.push({ text: t, headingLevel: headingLevel(t), lineStart: l.n, lineEnd: l.n });
    }
    const paragraphs = joinBrokenParagraphs(raw, (p) =>
      warnings.push({ line: p.lineEnd, message: `speech ${entry.ordinal}: paragraph ends mid-sentence in the source` }),
    );

    const speakerText = lines[speakerIdx]!.text.trim().match(SPEAKER_LINE)![1]!;
    const roleMatch = speakerText.match(/^(.*?)\s*(\S*(?:政协|人大)\S*)$/u);
    const name = cleanName(roleMatch ? roleMatch[1]! : speakerText);
    const role = roleMatch ? roleMatch[2]! : null;
    if (name !== entry.speaker) {
      warnings.push({
        line: lines[speakerIdx]!.n,
        message: `speaker "${name}" differs from the contents ("${entry.speaker}")`,
      });
    }
    const affLines: string[] = [];
    let lastLine = speakerIdx;
    for (let i = speakerIdx + 1; i < limit; i++) {
      if (isBlank(lines[i]!.text)) continue;
      affLines.push(lines[i]!.text.trim());
      lastLine = i;
    }

    const titleFromSpeech = paragraphs
      .slice(0, 3)
      .map((p) => p.text.match(/^我发言的题目是《(.+)》。?$/u)?.[1])
      .find(Boolean);
    const printedTitle = collapseCjkSpaces(
      lines
        .slice(start, titleEnd + 1)
        .map((l) => l.text.trim())
        .join(""),
    );
    return {
      kind: "speech",
      ordinal: entry.ordinal,
      title: titleFromSpeech ?? printedTitle,
      subtitle: null,
      authoringOffice: null,
      lineStart: lines[start]!.n,
      lineEnd: lines[lastLine]!.n,
      speakers: [{ name, role, affiliation: joinAffiliationLines(affLines) }],
      paragraphs,
    };
  });

  return { documents, plan: null, warnings };
}
