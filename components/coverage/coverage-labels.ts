import type { CoverageColumn } from "@/lib/data/coverage";
import { KIND_LABEL } from "@/lib/kinds";

/** A heatmap column's name: its kind, and its source cut short enough for an axis label. */
export function shortColumnLabel(c: CoverageColumn, max = 9): string {
  const source = [...c.sourceTitle].length > max ? `${[...c.sourceTitle].slice(0, max).join("")}…` : c.sourceTitle;
  return `${KIND_LABEL[c.kind]}\n${source}`;
}

export const fullColumnLabel = (c: CoverageColumn) => `${KIND_LABEL[c.kind]} · ${c.sourceTitle}`;
