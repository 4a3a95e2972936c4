import type { LinkedDocument, PlanNodeLink } from "@/lib/data/links";
import type { PlanTargetDto } from "@/lib/data/plan";

/** A chapter's links (read once) by the node they point at. */
export function groupLinksByPath(links: readonly PlanNodeLink[]): Map<string, PlanNodeLink[]> {
  const out = new Map<string, PlanNodeLink[]>();
  for (const l of links) out.set(l.planPath, [...(out.get(l.planPath) ?? []), l]);
  return out;
}

/**
 * Who addressed each target: the documents linked to the target itself, or whose evidence cites
 * the paragraph the target sits in. Orphaned links do not count (their passages are in doubt).
 */
export function documentsByTarget(
  targets: readonly PlanTargetDto[],
  links: readonly PlanNodeLink[],
): Map<string, LinkedDocument[]> {
  const live = links.filter((l) => l.status !== "orphaned");
  const out = new Map<string, LinkedDocument[]>();
  for (const t of targets) {
    const docs = new Map<string, LinkedDocument>();
    for (const l of live) {
      const cites =
        l.targetId === t.id ||
        (t.paragraphN !== null &&
          l.evidence.some((e) => e.planParagraphPath === t.path && e.planParagraphN === t.paragraphN));
      if (cites && !docs.has(l.document.id)) docs.set(l.document.id, l.document);
    }
    if (docs.size) out.set(t.id, [...docs.values()]);
  }
  return out;
}

/** How a linked document is named in a short list: its speakers, else its title. */
export const shortDocumentName = (d: LinkedDocument) => d.speakers.map((s) => s.name).join("、") || d.title;
