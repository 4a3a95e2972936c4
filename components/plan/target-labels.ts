import type { PlanTargetKind } from "@/lib/generated/prisma/enums";

export const TARGET_LABEL: Record<PlanTargetKind, string> = { goal: "目标", target: "指标", achievement: "成就" };
