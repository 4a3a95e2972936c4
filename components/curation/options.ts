/** What the editors' forms offer, built on the server from the plan outline, its targets and the documents. */
import { TARGET_LABEL } from "@/components/plan/target-labels";
import { listDocumentChoices } from "@/lib/data/documents";
import { getPlanOutline, listPlanTargets, type PlanOutlineNode } from "@/lib/data/plan";
import { DOCUMENT_KINDS, KIND_LABEL } from "@/lib/kinds";
import { formatDateZh, planNodeLabel } from "@/lib/urls";
import type { DocumentOptionGroup } from "./document-choices";
import type { PlanChapterOptions, PlanTargetOption } from "./add-link-form";

/** An option's text stays on one line of a phone's picker. */
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** Every chapter with its sections and subsections, for a <select> grouped by chapter. */
export async function planNodeOptions(): Promise<PlanChapterOptions[]> {
  const outline = await getPlanOutline();
  const flatten = (n: PlanOutlineNode, depth: number): { path: string; label: string; depth: number }[] => [
    { path: n.path, label: clip(planNodeLabel(n), 60), depth },
    ...n.children.flatMap((c) => flatten(c, depth + 1)),
  ];
  return (outline?.nodes ?? []).map((c) => ({ label: clip(planNodeLabel(c), 40), nodes: flatten(c, 0) }));
}

/** The goals and targets of each node (what a link can point at below a node), by path. */
export async function planTargetOptions(): Promise<Record<string, PlanTargetOption[]>> {
  const targets = await listPlanTargets();
  const out: Record<string, PlanTargetOption[]> = {};
  for (const t of targets) {
    if (t.kind !== "goal" && t.kind !== "target") continue;
    (out[t.path] ??= []).push({ id: t.id, label: `${TARGET_LABEL[t.kind]}：${clip(t.indicator ?? t.text, 50)}` });
  }
  return out;
}

/** Every document, grouped by kind: "张三：标题（2023年1月）". */
export async function documentOptions(): Promise<DocumentOptionGroup[]> {
  const documents = await listDocumentChoices();
  return DOCUMENT_KINDS.map((kind) => ({
    label: KIND_LABEL[kind],
    documents: documents
      .filter((d) => d.kind === kind)
      .map((d) => ({
        id: d.id,
        label: `${d.speakers.length ? `${d.speakers.join("、")}：` : ""}${clip(d.title, 50)}（${formatDateZh(d.date)}）`,
      })),
  })).filter((g) => g.documents.length);
}
