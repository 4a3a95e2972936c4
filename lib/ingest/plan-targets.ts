/**
 * Finding commitments in plan text: goals (the "--" items of 主要目标 and the 2035 objectives),
 * targets (a sentence that commits to a number and/or a deadline) and achievements (figures of
 * the past period). Pure functions over sentences; the plan parser decides which node is which.
 */
import type { ParsedPlanTarget } from "./types";

const CN_DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** "二〇三五" → 2035 (digit-by-digit year numerals). */
export function chineseYear(s: string): number | null {
  if (!/^[〇零一二三四五六七八九]{4}$/u.test(s)) return null;
  return Number([...s].map((c) => CN_DIGIT[c]).join(""));
}

/** Splits a paragraph into sentences, keeping the closing punctuation. */
export function splitSentences(text: string): string[] {
  return (text.match(/[^。；;！？]+[。；;！？]?/gu) ?? []).map((s) => s.trim()).filter((s) => s.length > 0);
}

const YEAR = /(?:到|至|于|在)?((?:20\d{2})|(?:[二][〇零][一二三四五六七八九〇零]{2}))年(?:前|底|末|以前|左右)?/u;
const FUTURE_YEAR_CONTEXT =
  /(?:到|至|力争|确保|争取)\s*(20\d{2}|二〇[二三][〇零一二三四五六七八九])年|(20\d{2})年(?:前|底|末|(?=实现|完成|建成|基本|全面|力争|成功))/u;
const UNIT =
  "(?:%|％|个百分点|万亿元|千亿元|亿元|万元|元|万平方米|平方米|平方公里|公顷|万亩|亩|公里|千米|米|万人|人|万户|户|家|个|所|座|张|套|项|条|万辆|辆|吨|万吨|微克/立方米|小时|分钟|天|倍|千瓦|兆瓦|万千瓦)";
// Chinese numerals only in magnitudes (千亿级, 百万亩); "三级体系" or "24小时书房" are names, not quantities.
const NUMBER = `(\\d+(?:\\.\\d+)?|[一二三四五六七八九十两]*[百千万]+(?=亿|万|级))`;
const QUANTITY = new RegExp(
  `(?<![\\d.])${NUMBER}\\s*((?:[万千百]?亿|万)?${UNIT}|(?:千亿|百亿|万亿)级)(?!城市|服务|书房|营业|自助)`,
  "u",
);
const COMPARATORS: [RegExp, string][] = [
  [/不低于|不少于|以上|超过|突破|高于/u, ">="],
  [/不超过|不高于|控制在|以内|以下|低于|降至|下降到/u, "<="],
  [/左右|约/u, "≈"],
  [/达到|提高到|提升到|增至|实现|建成|完成|新增|累计/u, "="],
];
const COMMIT =
  /力争|确保|达到|突破|超过|不低于|不少于|控制在|以内|提高到|提升到|新增|新建|建成|创建|实现|完成|打造|培育|形成|建设|引进|推动|争取|保持|降低|下降|增长|提高|提升/u;

function yearOf(sentence: string): number | null {
  const m = sentence.match(FUTURE_YEAR_CONTEXT);
  const raw = m?.[1] ?? m?.[2];
  if (raw) return /^\d+$/.test(raw) ? Number(raw) : chineseYear(raw);
  const any = sentence.match(YEAR);
  if (!any) return null;
  return /^\d+$/.test(any[1]!) ? Number(any[1]) : chineseYear(any[1]!);
}

/** The measured thing: the words before the number (or comparator) within its clause. */
function indicatorOf(clause: string, quantityIndex: number): string | null {
  let before = clause.slice(0, quantityIndex);
  for (const [re] of COMPARATORS) before = before.replace(new RegExp(`(${re.source})\\s*$`, "u"), "");
  before = before.replace(/^(?:到|至)?(?:20\d{2}|二〇\S{2})年(?:前|底|末)?[,，]?/u, "");
  before = before
    .replace(/^.*[,，:：]/u, "")
    .replace(/^(?:力争|确保|争取|全区|累计|其中|年均)+/u, "")
    .replace(/^(?:实现|完成|新建|新增|建成|培育|打造)/u, "")
    .trim();
  before = before.replace(/[“"‘]$/u, "").trim();
  before = before.replace(/(?:达到|提高到|提升到|增至|控制在|不低于|不少于|超过|突破|约|为)$/u, "").trim();
  return before.length >= 2 && before.length <= 30 ? before : null;
}

export type TargetCandidate = Omit<ParsedPlanTarget, "lineStart" | "paragraphN">;

const MAGNITUDE = /((?:[一二三四五六七八九十两]|\d+)?(?:千亿|百亿|万亿|千万|百万))(级)/u;

/** The quantity a clause commits to: the one right after a comparator word if any, else the first. */
function quantityOf(clause: string): RegExpMatchArray | null {
  const magnitude = clause.match(MAGNITUDE);
  if (magnitude) return magnitude;
  const all = [...clause.matchAll(new RegExp(QUANTITY.source, "gu"))];
  return (
    all.find((m) => COMPARATORS.some(([re]) => re.test(clause.slice(Math.max(0, (m.index ?? 0) - 4), m.index)))) ??
    all[0] ??
    null
  );
}

/**
 * Reads a sentence clause by clause ("到2025年适龄儿童入园率达到99%以上,普惠性幼儿园覆盖率达到95%以上"
 * holds two targets, both for 2025): each clause that commits to a number and/or a deadline is a
 * target; in the past-period section, each clause with a figure is an achievement.
 */
export function readTargets(sentence: string, mode: "plan" | "past"): TargetCandidate[] {
  const out: TargetCandidate[] = [];
  const sentenceCommits = COMMIT.test(sentence);
  let carriedYear: number | null = null;
  for (const raw of sentence.split(/(?<=[,，;；])/u)) {
    const clause = raw.trim();
    if (!clause) continue;
    const quantity = quantityOf(clause);
    const year = yearOf(clause);
    const deadline = FUTURE_YEAR_CONTEXT.test(clause) && year !== null && year >= 2021 ? year : null;
    if (deadline !== null) carriedYear = deadline;
    if (mode === "past") {
      if (!quantity) continue;
    } else {
      if (!quantity && deadline === null) continue;
      if (!COMMIT.test(clause) && !(sentenceCommits && quantity)) continue;
    }
    let value: string | null = null;
    let valueNumber: number | null = null;
    let unit: string | null = null;
    let indicator: string | null = null;
    let comparator: string | null = null;
    if (quantity) {
      value = quantity[1]!;
      valueNumber = /^\d/.test(value) ? Number(value) : null;
      unit = quantity[2]!;
      const idx = quantity.index ?? clause.indexOf(quantity[0]);
      indicator = indicatorOf(clause, idx);
      const window = clause.slice(Math.max(0, idx - 6), idx + quantity[0].length + 3);
      comparator = COMPARATORS.find(([re]) => re.test(window))?.[1] ?? null;
    }
    out.push({
      kind: mode === "past" ? "achievement" : "target",
      text: clause.replace(/[,，;；]$/u, ""),
      indicator,
      value,
      valueNumber,
      unit,
      year: mode === "past" ? null : (deadline ?? carriedYear),
      comparator,
    });
  }
  return out;
}

/** A "--" goal item of 主要目标: its lead phrase names it. */
export function readGoalItem(item: string): TargetCandidate {
  const text = item.replace(/^[-—–]{1,2}\s*/u, "").trim();
  const lead = text.split(/[。]/u)[0] ?? text;
  return {
    kind: "goal",
    text,
    indicator: lead.length <= 30 ? lead : null,
    value: null,
    valueNumber: null,
    unit: null,
    year: 2025,
    comparator: null,
  };
}

/** The long-range (二〇三五年) objectives: one goal per clause after "展望二〇三五年". */
export function readLongRangeGoals(paragraph: string): TargetCandidate[] {
  const start = paragraph.indexOf("展望");
  const body = start >= 0 ? paragraph.slice(start).replace(/^展望[^,，]*[,，]\s*/u, "") : paragraph;
  return body
    .split(/[;；。]/u)
    .map((s) => s.trim())
    .filter((s) => s.length >= 6)
    .map((s) => ({
      kind: "goal" as const,
      text: s,
      indicator: s.split(/[,，]/u)[0]!.slice(0, 30),
      value: null,
      valueNumber: null,
      unit: null,
      year: 2035,
      comparator: null,
    }));
}
