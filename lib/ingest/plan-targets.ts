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

const CN_SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/**
 * A Chinese numeral as a number: "千亿" → 1e11, "两万" → 20000, "一百二十万" → 1200000,
 * "三千零五" → 3005, "1.5万" → 15000 (Arabic digits before magnitude words). Null if `s` is not one.
 */
export function chineseNumeral(s: string): number | null {
  const arabic = s.match(/^(\d+(?:\.\d+)?)(.*)$/u);
  let digit: number | null = arabic ? Number(arabic[1]) : null;
  const rest = arabic ? arabic[2]! : s;
  if (!rest && digit === null) return null;
  let total = 0;
  let section = 0;
  let last: "digit" | "small" | "big" | "zero" | null = digit === null ? null : "digit";
  let lastBig: string | null = null;
  for (const c of rest) {
    if (c === "〇" || c === "零") {
      if (last === "digit") return null;
      last = "zero";
    } else if (c === "两" || (CN_DIGIT[c] !== undefined && c !== "〇" && c !== "零")) {
      if (last === "digit") return null;
      digit = c === "两" ? 2 : CN_DIGIT[c]!;
      last = "digit";
    } else if (CN_SMALL_UNIT[c]) {
      if (last === "small") return null;
      section += (digit ?? 1) * CN_SMALL_UNIT[c];
      digit = null;
      last = "small";
    } else if (CN_BIG_UNIT[c]) {
      // 万亿 is a unit of its own; 亿亿 or 万万 is not a numeral.
      if (last === "big" && !(lastBig === "万" && c === "亿")) return null;
      const part = section + (digit ?? 0);
      if (c === "亿") total = (total + part || 1) * CN_BIG_UNIT[c];
      else total += (part || (last === "big" ? 0 : 1)) * CN_BIG_UNIT[c];
      section = 0;
      digit = null;
      last = "big";
      lastBig = c;
    } else return null;
  }
  return total + section + (digit ?? 0);
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
/** Words right after a figure that make it part of a name: "24小时书房", "144小时过境免签". */
const NAME_AFTER = "(?!城市|服务|书房|营业|自助|过境|活力|响应)";
const ARABIC_QUANTITY = new RegExp(`(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s*((?:[万千百]?亿|万)?${UNIT})${NAME_AFTER}`, "gu");
// Chinese numerals count only with a magnitude word (万, 亿, 兆): "三级体系", "三座新城", "四个中心" are names.
/** A magnitude class: 千亿级, 百亿级, 十亿级, 百万级, 10亿级. */
const CLASS_QUANTITY = /(?<![\d.])((?:\d+(?:\.\d+)?|[一二三四五六七八九两])?[十百千]?(?:万亿|[万亿]))级/gu;
/** A Chinese amount: 千亿元, 百万亩, 两万人, 五十万平方米. */
const CHINESE_QUANTITY = new RegExp(
  `(?<![\\d.每一二三四五六七八九十两百千万亿])((?:[一二三四五六七八九十两百千]+[万亿]+|万亿))(元|亩|平方米|平方公里|公顷|人次|人|户|个|家|所|座|张|套|项|条|辆|吨|千瓦|公里)${NAME_AFTER}`,
  "gu",
);
/** A broadband tier reached (过百兆, 超千兆, 达万兆); "千兆固网" before a noun is the network's name. */
const BANDWIDTH_QUANTITY = /(超过|突破|过|超|达到|达|提升至|提升到|提高至|提高到)([百千万])兆(?![赫字])/gu;
const NETWORK = /网|宽带|带宽|接入|光纤/u;
/** What a 亿级 class measures when it names no other thing: the output (产值, 营收) in yuan. */
const NOT_YUAN = /^(?:规模的)?(?:用户|人次|人口|客流|旅客)/u;

const COMPARATORS: [RegExp, string][] = [
  [/不低于|不少于|以上|超过|突破|高于/u, ">="],
  [/不超过|不高于|控制在|以内|以下|低于|降至|下降到/u, "<="],
  [/左右|约/u, "≈"],
  [/达到|提高到|提升到|增至|实现|建成|完成|新增|累计/u, "="],
];
const COMMIT =
  /力争|确保|达到|突破|超过|不低于|不少于|控制在|以内|提高到|提升到|新增|新建|建成|创建|实现|完成|打造|培育|壮大|形成|建设|引进|推动|争取|保持|降低|下降|增长|提高|提升/u;

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
    // "新增及在建燃气管线": the verb governs the whole phrase, not only its first word.
    .replace(/^(?:实现|完成|新建|新增|建成|培育|打造)(?![及和与或])/u, "")
    .trim();
  before = before.replace(/[“"‘]$/u, "").trim();
  before = before.replace(/(?:达到|提高到|提升到|增至|降至|控制在|不低于|不少于|超过|突破|约|为)$/u, "").trim();
  // "PM2.5浓度由2015年的96微克/立方米降至…": the thing measured, not its starting point; "…分别增至".
  before = before.replace(/由.*$/u, "").replace(/分别$/u, "").trim();
  return before.length >= 2 && before.length <= 30 ? before : null;
}

/** A verb alone is not what a figure counts: "发布120条…", "建设4个…", "累计入市155公顷". */
const BARE_VERB =
  /^(?:发布|建设|新建|新增|建成|完成|实现|累计|引进|培育|打造|设立|创建|开通|改造|增加|形成|入市|推出|出台|落地|提供|组建|建立)$/u;
/** Where what follows a counted noun turns into what happened to it ("…公园建成开园", "…受援地如期脱贫"). */
const PREDICATE = /(?:建成|如期|实现|落地|投入|开园|投运|报审)/u;

/**
 * What an Arabic figure counts. Usually the words before it ("新增国家级高新技术企业405家"); when
 * those are only a verb or examples ("发布120条自贸区制度创新清单", "狼垡城市森林公园、南海子公园二期等
 * 22个高品质公园建成开园"), the noun after it. Null when neither names anything: a reader then sees
 * the clause itself.
 */
function arabicIndicator(clause: string, index: number, length: number): string | null {
  const before = indicatorOf(clause, index);
  if (before && !BARE_VERB.test(before) && !/等$/u.test(before)) return before;
  let after = clause.slice(index + length).replace(/[、,，;；。].*$/u, "");
  const predicate = after.search(PREDICATE);
  if (predicate > 0) after = after.slice(0, predicate);
  after = after.replace(/^的/u, "").trim();
  if (after.length >= 2 && after.length <= 20) return after;
  return before && !BARE_VERB.test(before) ? before : null;
}

/**
 * The thing a magnitude describes. Written before it ("生物医药基地和新媒体基地跨入千亿级园区行列",
 * "用户体验过百兆") it is the subject; otherwise the magnitude qualifies the noun after it
 * ("培育百亿级规模的龙头企业", "完成新一轮百万亩造林绿化工程").
 */
function magnitudeIndicator(clause: string, index: number, length: number): string | null {
  const before = (indicatorOf(clause, index) ?? "")
    .replace(/(?:跨入|进入|迈入|迈向|迈上|成为|过|超|达)$/u, "")
    .replace(/^(?:培育|壮大|打造|建设|形成|引进|实现|完成|做强|做大)+/u, "")
    .replace(/^(?:新一轮|一批|一流的?)/u, "")
    .replace(/(?:一批|(?:\d+|[一二三四五六七八九十两]+)[个家座所项])$/u, "")
    .trim();
  if (before.length >= 2) return before;
  const after = clause
    .slice(index + length)
    .replace(/^(?:规模的?|的)/u, "")
    .replace(/[、,，;；。].*$/u, "")
    .replace(/(?:行列|的目标|目标)$/u, "")
    .trim();
  return after.length >= 2 && after.length <= 30 ? after : null;
}

/**
 * One quantity of a clause. `value` is the number as printed: Arabic digits with their unit beside
 * them ("99" "%", "4200" "亿元"), or a Chinese magnitude whole ("千亿级", "千兆", "百万亩") with
 * `unit` the base unit ("元", "Mbps", "亩"). Either way `valueNumber` counts in `unit`.
 */
interface Quantity {
  index: number;
  length: number;
  value: string;
  valueNumber: number | null;
  unit: string | null;
  /** The comparator the wording itself implies (a class is a floor: 千亿级 ≥ 1e11). */
  comparator: string | null;
  chinese: boolean;
}

/** An open “…” before `index`: the figure is inside a quoted name ("“24小时响应”的便民服务体系"). */
function quoted(clause: string, index: number): boolean {
  const before = clause.slice(0, index);
  return before.lastIndexOf("“") > before.lastIndexOf("”");
}

function chineseQuantities(clause: string, network: boolean): Quantity[] {
  const out: Quantity[] = [];
  for (const m of clause.matchAll(CLASS_QUANTITY)) {
    const after = clause.slice((m.index ?? 0) + m[0].length);
    out.push({
      index: m.index ?? 0,
      length: m[0].length,
      value: m[0],
      valueNumber: chineseNumeral(m[1]!),
      unit: m[1]!.endsWith("亿") && !NOT_YUAN.test(after) ? "元" : null,
      comparator: ">=",
      chinese: true,
    });
  }
  for (const m of clause.matchAll(CHINESE_QUANTITY))
    out.push({
      index: m.index ?? 0,
      length: m[0].length,
      value: m[0],
      valueNumber: chineseNumeral(m[1]!),
      unit: m[2]!,
      comparator: null,
      chinese: true,
    });
  if (network)
    for (const m of clause.matchAll(BANDWIDTH_QUANTITY)) {
      const index = (m.index ?? 0) + m[1]!.length;
      out.push({
        index,
        length: 2,
        value: `${m[2]}兆`,
        // 兆 of a broadband tier is a megabit per second: 百兆 = 100 Mbps, 千兆 = 1 Gbps.
        valueNumber: chineseNumeral(m[2]!),
        unit: "Mbps",
        comparator: /^(?:超过|突破|过|超)$/u.test(m[1]!) ? ">=" : "=",
        chinese: true,
      });
    }
  return out.filter((q) => !quoted(clause, q.index)).sort((a, b) => a.index - b.index);
}

/**
 * The quantity a clause commits to: a Chinese magnitude if any (it is the point of the clause where
 * it appears), else the Arabic figure right after a comparator word, else the first.
 */
function quantityOf(clause: string, network: boolean): Quantity | null {
  const chinese = chineseQuantities(clause, network)[0];
  if (chinese) return chinese;
  const all = [...clause.matchAll(ARABIC_QUANTITY)].filter((m) => !quoted(clause, m.index ?? 0));
  const m =
    all.find((m) => COMPARATORS.some(([re]) => re.test(clause.slice(Math.max(0, (m.index ?? 0) - 4), m.index)))) ??
    all[0];
  if (!m) return null;
  return {
    index: m.index ?? 0,
    length: m[0].length,
    value: m[1]!,
    valueNumber: Number(m[1]),
    unit: m[2]!,
    comparator: null,
    chinese: false,
  };
}

/**
 * "实现用户体验过百兆、家庭接入超千兆、企业商用达万兆的目标" is three commitments: a clause is cut at
 * 、 where each piece carries its own Chinese magnitude. (Arabic 、-lists stay whole clauses for now.)
 */
function splitMagnitudeList(clause: string, network: boolean): string[] {
  const parts = clause.split(/(?<=、)/u);
  const carrying = parts.map((p) => chineseQuantities(p, network).length > 0);
  if (carrying.filter(Boolean).length < 2) return [clause];
  const groups: string[] = [];
  let current = "";
  let hasQuantity = false;
  parts.forEach((part, i) => {
    if (carrying[i] && hasQuantity) {
      groups.push(current);
      current = "";
      hasQuantity = false;
    }
    current += part;
    hasQuantity ||= carrying[i]!;
  });
  groups.push(current);
  return groups.map((g) => g.replace(/、$/u, ""));
}

export type TargetCandidate = Omit<ParsedPlanTarget, "lineStart" | "paragraphN">;

/**
 * Reads a sentence clause by clause ("到2025年适龄儿童入园率达到99%以上,普惠性幼儿园覆盖率达到95%以上"
 * holds two targets, both for 2025): each clause that commits to a number and/or a deadline is a
 * target; in the past-period section, each clause with a figure is an achievement.
 */
export function readTargets(sentence: string, mode: "plan" | "past"): TargetCandidate[] {
  const out: TargetCandidate[] = [];
  const sentenceCommits = COMMIT.test(sentence);
  const network = NETWORK.test(sentence);
  let carriedYear: number | null = null;
  const clauses = sentence
    .split(/(?<=[,，;；])/u)
    .map((c) => c.trim())
    .filter((c) => c.length > 0)
    .flatMap((c) => splitMagnitudeList(c, network));
  for (const clause of clauses) {
    const quantity = quantityOf(clause, network);
    const year = yearOf(clause);
    const deadline = FUTURE_YEAR_CONTEXT.test(clause) && year !== null && year >= 2021 ? year : null;
    if (deadline !== null) carriedYear = deadline;
    if (mode === "past") {
      if (!quantity) continue;
    } else {
      if (!quantity && deadline === null) continue;
      if (!COMMIT.test(clause) && !(sentenceCommits && quantity)) continue;
    }
    let indicator: string | null = null;
    let comparator: string | null = null;
    if (quantity) {
      const { index, length } = quantity;
      indicator = quantity.chinese ? magnitudeIndicator(clause, index, length) : arabicIndicator(clause, index, length);
      const window = clause.slice(Math.max(0, index - 6), index + length + 3);
      comparator = quantity.comparator ?? COMPARATORS.find(([re]) => re.test(window))?.[1] ?? null;
    }
    out.push({
      kind: mode === "past" ? "achievement" : "target",
      text: clause.replace(/[,，;；]$/u, ""),
      indicator,
      value: quantity?.value ?? null,
      valueNumber: quantity?.valueNumber ?? null,
      unit: quantity?.unit ?? null,
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
