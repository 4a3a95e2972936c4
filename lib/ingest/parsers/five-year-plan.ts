/**
 * A five-year-plan outline as published on a government web page: a metadata header
 * ("• [制定机关] …"), title, approval line, 序言, 第N章 / 一、 / (一) headings, indented
 * paragraphs, figures named by file (…png) but absent, and the site's footer.
 */
import { chineseNumeral, readGoalItem, readLongRangeGoals, readTargets, splitSentences } from "../plan-targets";
import { displayText } from "../normalize";
import { collapseCjkSpaces, isBlank, toLines } from "../text";
import {
  ParseError,
  type ParseResult,
  type ParseWarning,
  type ParsedPlan,
  type ParsedPlanNode,
  type ParsedPlanTarget,
} from "../types";

/** 一…九十九 as a number (NaN if it is not one). */
export function chineseNumber(s: string): number {
  return chineseNumeral(s) ?? NaN;
}

const CHAPTER = /^第([一二三四五六七八九十]+)章\s*(.+)$/u;
const SECTION = /^([一二三四五六七八九十]+)、\s*(.+)$/u;
const SUBSECTION = /^[(（]([一二三四五六七八九十]+)[)）]\s*(.+)$/u;
const PREFACE = /^序\s*言$/u;
const FIGURE = /^(.+)\.(png|jpe?g|gif|svg)$/iu;
const META = /^\s*•\s*\[(.+?)\]\s*(.*)$/u;

export interface PlanOptions {
  /** Titles of sections whose figures describe the past period (achievements, not targets). */
  pastSections: string[];
}

export function parsePlan(text: string, options: PlanOptions): ParseResult {
  const lines = toLines(text);
  const warnings: ParseWarning[] = [];
  const metadata: Record<string, string> = {};
  let title = "";
  const prefaceIdx = lines.findIndex((l) => PREFACE.test(l.text.trim()));
  if (prefaceIdx < 0) throw new ParseError("no preface (序言) found: cannot tell where the outline starts", 1);

  for (const l of lines.slice(0, prefaceIdx)) {
    const t = l.text.trim();
    const m = l.text.match(META);
    if (m) {
      if (m[2]!.trim()) metadata[m[1]!] = m[2]!.trim();
    } else if (/(纲要|规划)$/u.test(t) && !t.includes(">") && (!title || (/纲要$/u.test(t) && !/纲要$/u.test(title)))) {
      title = t;
    } else if (/批准$/u.test(t)) {
      metadata["批准"] = t;
    } else if (/^日期[:：]/u.test(t)) {
      for (const part of t.split(/\s+/u)) {
        const kv = part.match(/^(.+?)[:：](.+)$/u);
        if (kv) metadata[kv[1]!] = kv[2]!;
      }
    } else if (/^[〇一二三四五六七八九]{4}年[一二三四五六七八九十]+月$/u.test(t)) {
      metadata["印发"] = t;
    }
  }
  if (!title) throw new ParseError("no plan title (…纲要) before the preface", prefaceIdx + 1);

  const nodes: ParsedPlanNode[] = [];
  const newNode = (
    kind: ParsedPlanNode["kind"],
    path: string,
    number: string | null,
    nodeTitle: string,
    line: number,
  ): ParsedPlanNode => {
    const node: ParsedPlanNode = {
      kind,
      path,
      level: path === "0" ? 1 : path.split(".").length,
      number,
      title: nodeTitle,
      lineStart: line,
      lineEnd: line,
      paragraphs: [],
      figures: [],
      targets: [],
    };
    nodes.push(node);
    return node;
  };
  let current = newNode("preface", "0", null, "序言", lines[prefaceIdx]!.n);
  let chapter = 0;
  let section = 0;
  let sub = 0;
  let sawChapter = false;

  for (let i = prefaceIdx + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (isBlank(l.text)) continue;
    const indented = /^\s{2,}\S/u.test(l.text) && !/^\s*•/u.test(l.text);
    const t = collapseCjkSpaces(l.text);
    let m: RegExpMatchArray | null;
    if ((m = t.match(CHAPTER)) && !indented) {
      chapter = chineseNumber(m[1]!);
      section = 0;
      sub = 0;
      sawChapter = true;
      current = newNode("chapter", String(chapter), `第${m[1]}章`, m[2]!.trim(), l.n);
    } else if (FIGURE.test(t) && !indented) {
      current.figures.push({ name: t.replace(FIGURE, "$1"), fileName: t, lineNumber: l.n });
      current.lineEnd = l.n;
    } else if (!indented) {
      if (sawChapter) break; // the web page's footer
      warnings.push({
        line: l.n,
        message: `unindented line before the first chapter kept as text: "${t.slice(0, 20)}"`,
      });
      current.paragraphs.push({ text: displayText(t), headingLevel: null, lineStart: l.n, lineEnd: l.n });
    } else if (chapter > 0 && (m = t.match(SECTION)) && t.length <= 40 && !/[。;；]$/u.test(t)) {
      section = chineseNumber(m[1]!);
      sub = 0;
      current = newNode("section", `${chapter}.${section}`, `${m[1]}、`, m[2]!.trim(), l.n);
    } else if (chapter > 0 && section > 0 && (m = t.match(SUBSECTION)) && t.length <= 40 && !/[。;；]$/u.test(t)) {
      sub = chineseNumber(m[1]!);
      current = newNode("subsection", `${chapter}.${section}.${sub}`, `(${m[1]})`, m[2]!.trim(), l.n);
    } else if (/^\s*•/u.test(l.text)) {
      if (sawChapter) break;
    } else {
      // Display text already here: targets are cut from it, and must read (and match) as it does.
      current.paragraphs.push({ text: displayText(t), headingLevel: null, lineStart: l.n, lineEnd: l.n });
      current.lineEnd = l.n;
    }
  }

  // Node line ranges cover their descendants.
  for (const node of nodes) {
    const below = nodes.filter((n) => n.path.startsWith(`${node.path}.`));
    for (const n of below) node.lineEnd = Math.max(node.lineEnd, n.lineEnd, ...n.paragraphs.map((p) => p.lineEnd));
    node.lineEnd = Math.max(node.lineEnd, ...node.paragraphs.map((p) => p.lineEnd));
  }

  extractTargets(nodes, options);
  const plan: ParsedPlan = { title, metadata, nodes };
  return { documents: [], plan, warnings };
}

function extractTargets(nodes: ParsedPlanNode[], options: PlanOptions): void {
  const pastPaths = nodes.filter((n) => options.pastSections.includes(n.title)).map((n) => n.path);
  const isPast = (path: string) => pastPaths.some((p) => path === p || path.startsWith(`${p}.`));
  for (const node of nodes) {
    node.paragraphs.forEach((p, index) => {
      const paragraphN = index + 1;
      const push = (t: Omit<ParsedPlanTarget, "lineStart" | "paragraphN">) =>
        node.targets.push({ ...t, lineStart: p.lineStart, paragraphN });
      if (/^[-—–]{2}/u.test(p.text)) {
        const goal = readGoalItem(p.text);
        push(goal);
        // A goal may hold a quantified commitment ("生物医药基地和新媒体基地跨入千亿级园区行列"):
        // a target of its own, due when the goal is. Bare clauses stay part of the goal.
        for (const sentence of splitSentences(goal.text).slice(1))
          readTargets(sentence, isPast(node.path) ? "past" : "plan")
            .filter((t) => t.value !== null)
            .forEach((t) => push({ ...t, year: t.year ?? goal.year }));
        return;
      }
      if (/远景目标/u.test(node.title) && /展望/u.test(p.text)) {
        readLongRangeGoals(p.text).forEach(push);
        return;
      }
      for (const sentence of splitSentences(p.text))
        readTargets(sentence, isPast(node.path) ? "past" : "plan").forEach(push);
    });
  }
}
