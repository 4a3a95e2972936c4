import { getPlanOutline, type PlanOutlineNode } from "@/lib/data/plan";
import { planNodeLabel } from "@/lib/urls";

/** Every plan node's label by path, from the (cached) outline: the context a bare subsection title needs. */
export async function planLabelsByPath(): Promise<Map<string, string>> {
  const outline = await getPlanOutline();
  const labels = new Map<string, string>();
  const walk = (nodes: PlanOutlineNode[]) => {
    for (const n of nodes) {
      labels.set(n.path, planNodeLabel(n));
      walk(n.children);
    }
  };
  walk(outline?.nodes ?? []);
  return labels;
}

/** The labels of a node's ancestors, chapter first ("3.4.4" → chapter 3, section 3.4). */
export function ancestorLabels(path: string, labels: ReadonlyMap<string, string>): string[] {
  const parts = path.split(".");
  return parts
    .slice(0, -1)
    .map((_, i) => labels.get(parts.slice(0, i + 1).join(".")))
    .filter((l): l is string => !!l);
}
