import type { PlanTargetKind } from "@/lib/generated/prisma/enums";

export const TARGET_LABEL: Record<PlanTargetKind, string> = { goal: "目标", target: "指标", achievement: "成就" };

const COMPARATOR_SIGN: Record<string, string> = { ">=": "≥", "<=": "≤", "≈": "约", "=": "" };

/**
 * "≥ 99%", "千亿级" (or "≥ 99" without the unit, for a table with a unit column): a target's value as the plan states it, with its comparator. A value printed in
 * Chinese ("千亿级", "千兆") already says its unit; its `unit` is the base unit ("元", "Mbps").
 */
export function formatTargetValue(
  t: { value: string | null; unit: string | null; comparator: string | null },
  { withUnit = true }: { withUnit?: boolean } = {},
) {
  const printed = t.value && withUnit && /^\d/u.test(t.value) ? `${t.value}${t.unit ?? ""}` : t.value;
  return printed ? `${t.comparator ? (COMPARATOR_SIGN[t.comparator] ?? "") : ""}${printed}` : null;
}
