/**
 * Newspaper pages with members' and deputies' suggestions.
 *
 * - `parseNewsProposals`: a page extracted column by column, in scrambled order, lines broken every
 *   ~18 characters. A contribution starts where a member is introduced ("市政协委员、…NAME建议"),
 *   continues through the paragraphs that follow, and takes the nearest sub-headline before it,
 *   or, when the page put it elsewhere, the headline whose words it repeats.
 * - `parseNewsComments`: a feature with comments introduced by ">> ROLE、POSITION NAME:" and a
 *   "### headline".
 */
import { splitAffiliationAndName } from "../people";
import { collapseCjkSpaces, endsSentence, joinBrokenParagraphs, toBlocks, toLines } from "../text";
import {
  ParseError,
  type ParseResult,
  type ParseWarning,
  type ParsedDocument,
  type ParsedParagraph,
  type ParsedPerson,
} from "../types";

const ROLE = "(?:全国|市|区)?(?:政协委员|政协常委|人大代表)";
const INTRO = new RegExp(
  `(?:来自([^，。、“”]{1,10}?界)的)?(${ROLE})(?:、)?([^，。“”：:]{2,60}?)(?=在发言中说|说|建议|表示|认为|介绍|提出|关注到|关注|围绕|作《|指出)`,
  "u",
);

export interface Introduction {
  person: ParsedPerson;
  index: number;
}

/** Finds "…市政协委员、AFFILIATION NAME建议" in a paragraph. */
export function findIntroduction(text: string): Introduction | null {
  const m = text.match(INTRO);
  if (!m) return null;
  const split = splitAffiliationAndName(m[3]!);
  if (!split) return null;
  const role = m[1] ? `${m[2]}（${m[1]}）` : m[2]!;
  return { person: { name: split.name, role, affiliation: split.affiliation }, index: m.index ?? 0 };
}

type Kind = "headline" | "article" | "kicker" | "lead" | "body";
interface Para extends ParsedParagraph {
  kind: Kind;
}

const LEAD = /(座谈会|记者会|联组会|会议举行|举行“|举办以)/u;

function classify(blockText: string, hasByline: boolean): Kind {
  if (hasByline) return "article";
  if (/^.{2,6}委员[：:]$/u.test(blockText) || /^委员声音$/u.test(blockText)) return "kicker";
  if (blockText.length <= 34 && !endsSentence(blockText) && !/[，,。！？]/u.test(blockText)) return "headline";
  if (LEAD.test(blockText) && !findIntroduction(blockText)) return "lead";
  return "body";
}

/** The share of a headline's character bigrams that a text contains. */
function containment(headline: string, text: string): number {
  const grams = new Set<string>();
  for (let i = 0; i < headline.length - 1; i++) grams.add(headline.slice(i, i + 2));
  let hit = 0;
  for (const g of grams) if (text.includes(g)) hit++;
  return grams.size ? hit / grams.size : 0;
}

function sharesRun(a: string, b: string, min: number): boolean {
  for (let i = 0; i + min <= a.length; i++) if (b.includes(a.slice(i, i + min))) return true;
  return false;
}

/**
 * A title for a contribution printed without one: the first clause of what the member suggests
 * (after 建议), else of what they said. Written like the page's own headlines ("完善乡村“救在身边”
 * 政策体系"), not prefixed with the name: the page shows the member beside every title.
 */
export function deriveTitle(name: string, text: string, introEnd: number): string {
  const firstClause = (s: string) =>
    (s.split(/[。；！？]/u)[0] ?? "").replace(/^[，,：:\s]*(应|要)?/u, "").split(/[，,]/u)[0] ?? "";
  const suggestion = text.slice(introEnd - 2).match(/建议[，,：:]?(.{4,})/u);
  let clause = suggestion ? firstClause(suggestion[1]!) : "";
  if (clause.length < 6) {
    clause = firstClause(
      text.slice(introEnd).replace(/^(在发言中说|说|建议|表示|认为|介绍|提出|关注到|关注|指出)/u, ""),
    );
  }
  const short = clause.length > 28 ? `${clause.slice(0, 28)}…` : clause;
  return short.length >= 4 ? short : `${name}委员建言`;
}

export function parseNewsProposals(text: string): ParseResult {
  const warnings: ParseWarning[] = [];
  const { blocks } = toBlocks(toLines(text));
  const paras: Para[] = [];
  for (const b of blocks) {
    const lines = b.lines.filter((l) => !/^本报记者/u.test(l.text.trim()));
    const hasByline =
      lines.length < b.lines.length ||
      b.lines.some((l) => /本报记者\s/u.test(l.text) && !/^本报讯/u.test(l.text.trim()));
    const bodyLines = lines
      .map((l) => ({ ...l, text: l.text.replace(/本报记者.*$/u, "") }))
      .filter((l) => l.text.trim());
    if (!bodyLines.length) continue;
    const t = collapseCjkSpaces(bodyLines.map((l) => l.text.trim()).join(""));
    paras.push({
      text: t,
      headingLevel: null,
      lineStart: bodyLines[0]!.n,
      lineEnd: bodyLines[bodyLines.length - 1]!.n,
      kind: classify(t, hasByline),
    });
  }
  // Rejoin sentences cut by column breaks (adjacent body paragraphs only).
  const joined: Para[] = [];
  for (const p of paras) {
    const prev = joined[joined.length - 1];
    if (
      prev &&
      prev.kind !== "headline" &&
      prev.kind !== "article" &&
      prev.kind !== "kicker" &&
      p.kind === "body" &&
      !endsSentence(prev.text) &&
      !findIntroduction(p.text)
    ) {
      prev.text += p.text;
      prev.lineEnd = p.lineEnd;
      continue;
    }
    joined.push({ ...p });
  }

  interface Draft {
    person: ParsedPerson;
    title: string | null;
    introEnd: number;
    paragraphs: Para[];
  }
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  let pendingHeadline: Para | null = null;
  const usedHeadlines = new Set<Para>();
  for (const p of joined) {
    if (p.kind === "headline") {
      pendingHeadline = p;
      continue;
    }
    if (p.kind === "article" || p.kind === "kicker") {
      pendingHeadline = null;
      continue;
    }
    if (p.kind === "lead") {
      current = null;
      pendingHeadline = null;
      continue;
    }
    const intro = findIntroduction(p.text);
    if (intro && intro.person.name !== current?.person.name) {
      const title = pendingHeadline && !/^委员/u.test(pendingHeadline.text) ? pendingHeadline.text : null;
      if (title) usedHeadlines.add(pendingHeadline!);
      pendingHeadline = null;
      const m = p.text.slice(intro.index).match(INTRO)!;
      current = { person: intro.person, title, introEnd: intro.index + m[0].length, paragraphs: [p] };
      drafts.push(current);
    } else if (current) {
      current.paragraphs.push(p);
    } else {
      warnings.push({ line: p.lineStart, message: "paragraph belongs to no member's contribution (kept out)" });
    }
  }

  // Headlines the page printed away from their contribution: give each to the untitled
  // contribution that repeats most of its words.
  const loose = joined.filter((p) => p.kind === "headline" && !usedHeadlines.has(p) && !/^委员/u.test(p.text));
  for (const h of loose) {
    let best: Draft | null = null;
    let bestScore = 0.4;
    for (const d of drafts.filter((x) => !x.title)) {
      const body = d.paragraphs.map((x) => x.text).join("");
      // Most of the headline's words, and a verbatim run of five characters or more.
      if (!sharesRun(h.text, body, 5)) continue;
      const score = containment(h.text, body);
      if (score > bestScore) {
        best = d;
        bestScore = score;
      }
    }
    if (best) best.title = h.text;
  }

  if (!drafts.length) throw new ParseError('no member contributions ("市政协委员…建议") found', 1);
  const documents: ParsedDocument[] = drafts.map((d, i) => ({
    kind: "proposal",
    ordinal: i + 1,
    title: d.title ?? deriveTitle(d.person.name, d.paragraphs.map((p) => p.text).join(""), d.introEnd),
    subtitle: null,
    authoringOffice: null,
    lineStart: Math.min(...d.paragraphs.map((p) => p.lineStart)),
    lineEnd: Math.max(...d.paragraphs.map((p) => p.lineEnd)),
    speakers: [d.person],
    paragraphs: d.paragraphs.map(({ text: t, lineStart, lineEnd }) => ({
      text: t,
      headingLevel: null,
      lineStart,
      lineEnd,
    })),
  }));
  return { documents, plan: null, warnings };
}

const COMMENT = /^>>\s*(.+?)[:：]\s*$/u;
const HEADLINE = /^#{1,6}\s*(.+)$/u;

export function parseNewsComments(text: string): ParseResult {
  const lines = toLines(text);
  const warnings: ParseWarning[] = [];
  const documents: ParsedDocument[] = [];
  let current: { doc: ParsedDocument; raw: ParsedParagraph[] } | null = null;
  const finish = () => {
    if (!current) return;
    current.doc.paragraphs = joinBrokenParagraphs(current.raw);
    documents.push(current.doc);
    current = null;
  };
  for (const l of lines) {
    const t = l.text.trim();
    if (!t) continue;
    const comment = t.match(COMMENT);
    if (comment) {
      finish();
      const intro = comment[1]!;
      const m = intro.match(new RegExp(`^(${ROLE})、?(.+)$`, "u"));
      const split = m ? splitAffiliationAndName(m[2]!) : null;
      if (!m || !split) {
        warnings.push({ line: l.n, message: `cannot read the speaker of "${intro}"` });
        continue;
      }
      current = {
        doc: {
          kind: "proposal",
          ordinal: documents.length + 1,
          title: "",
          subtitle: null,
          authoringOffice: null,
          lineStart: l.n,
          lineEnd: l.n,
          speakers: [{ name: split.name, role: m[1]!, affiliation: split.affiliation }],
          paragraphs: [],
        },
        raw: [],
      };
      continue;
    }
    if (!current) continue;
    const doc = (current as { doc: ParsedDocument }).doc;
    const head = t.match(HEADLINE);
    if (head) {
      if (!doc.title && !(current as { raw: ParsedParagraph[] }).raw.length) {
        doc.title = collapseCjkSpaces(head[1]!);
        doc.lineEnd = l.n;
        continue;
      }
      finish();
      continue;
    }
    if (/^·.+·$/u.test(t) || /记者\s/u.test(t)) {
      finish();
      continue;
    }
    (current as { raw: ParsedParagraph[] }).raw.push({
      text: collapseCjkSpaces(t),
      headingLevel: null,
      lineStart: l.n,
      lineEnd: l.n,
    });
    doc.lineEnd = l.n;
  }
  finish();
  for (const d of documents) if (!d.title) d.title = `${d.speakers[0]!.name}的点评`;
  if (!documents.length) throw new ParseError('no comments (">> ROLE、POSITION NAME:") found', 1);
  return { documents, plan: null, warnings };
}
