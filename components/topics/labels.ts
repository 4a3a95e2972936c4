/** Chinese labels of the topic pages and panels. */
import type { DocumentKind } from "@/lib/kinds";

export const TOPIC_COLUMN_LABEL: Record<DocumentKind | "plan", string> = {
  speech: "大会发言",
  proposal: "委员建议",
  report: "调研报告",
  plan: "规划纲要",
};

export const TOPIC_ACTION_LABEL = { add: "添加", remove: "移除", reset: "恢复自动标注" } as const;

export const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
