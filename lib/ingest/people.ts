/**
 * Splitting "ROLE、AFFILIATION NAME" strings as printed in the corpus. Chinese does not mark where a
 * job title ends and a name begins, so we rely on the title words that close an affiliation.
 */
import { cleanName } from "./text";

/** Words that end a position, longest first so 副院长 wins over 院长. */
export const POSITION_SUFFIXES = [
  "首席执行官",
  "主任医师",
  "总建筑师",
  "总经理",
  "副总经理",
  "董事长",
  "理事长",
  "副主委",
  "副主任",
  "副院长",
  "副主席",
  "副书记",
  "党支部书记",
  "党委书记",
  "党总支副书记",
  "创始人",
  "总裁",
  "总监",
  "校长",
  "院长",
  "馆长",
  "局长",
  "部长",
  "处长",
  "主任",
  "主席",
  "主委",
  "书记",
  "教授",
  "研究员",
  "经理",
  "会长",
  "秘书长",
  "社长",
  "所长",
  "厅长",
  "市长",
  "区长",
  "常委",
  "委员",
].sort((a, b) => b.length - a.length);

export const endsWithPosition = (s: string) => POSITION_SUFFIXES.some((p) => s.endsWith(p));

/**
 * "北京市人民政府参事室主任李昕" → { affiliation: "北京市人民政府参事室主任", name: "李昕" }.
 * Without a recognisable title the whole text is taken as the name when it is short enough to be one.
 */
export function splitAffiliationAndName(text: string): { affiliation: string | null; name: string } | null {
  const t = text.trim();
  let best: { affiliation: string; name: string } | null = null;
  for (const suffix of POSITION_SUFFIXES) {
    let from = t.length;
    for (;;) {
      const i = t.lastIndexOf(suffix, from - 1);
      if (i < 0) break;
      const name = cleanName(t.slice(i + suffix.length));
      if (name.length >= 2 && name.length <= 4 && /^\p{Script=Han}+$/u.test(name)) {
        const affiliation = t.slice(0, i + suffix.length).replace(/[、，,\s]+$/u, "");
        if (!best || name.length < best.name.length) best = { affiliation, name };
        break;
      }
      from = i;
      if (from <= 0) break;
    }
  }
  if (best) return best;
  const name = cleanName(t);
  return name.length >= 2 && name.length <= 4 && /^\p{Script=Han}+$/u.test(name) ? { affiliation: null, name } : null;
}

/** Joins affiliation lines: a line that ends in a title closes one affiliation ("；"), others wrap. */
export function joinAffiliationLines(lines: string[]): string | null {
  const parts: string[] = [];
  let current = "";
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, "");
    if (!line) continue;
    current += line;
    if (endsWithPosition(current)) {
      parts.push(current);
      current = "";
    }
  }
  if (current) parts.push(current);
  return parts.length ? parts.join("；") : null;
}
