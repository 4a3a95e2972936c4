/**
 * Linker inputs from the parsed corpus (`parseCorpus()`), with the ids the database rows get, so
 * that the evaluation runs in memory and its ids match what the app stores. Pure.
 */
import { documentId, paragraphId, planNodeId } from "../ingest/ids";
import type { ParsedParagraph } from "../ingest/types";
import type { SourceToWrite } from "../ingest/writer";
import { planNodeLabel } from "../urls";
import type { LinkDocument, LinkParagraph, LinkPlanNode } from "./types";

const paragraphsOf = (ownerId: string, paragraphs: readonly ParsedParagraph[]): LinkParagraph[] =>
  paragraphs.map((p, i) => ({
    id: paragraphId(ownerId, i + 1),
    n: i + 1,
    text: p.text,
    headingLevel: p.headingLevel,
  }));

export function linkInputsFromCorpus(sources: readonly SourceToWrite[]): {
  documents: LinkDocument[];
  plans: { planId: string; nodes: LinkPlanNode[] }[];
} {
  const documents: LinkDocument[] = [];
  const plans: { planId: string; nodes: LinkPlanNode[] }[] = [];
  for (const { entry, result } of sources) {
    for (const d of result.documents) {
      const id = documentId(entry.id, d.ordinal);
      documents.push({ id, kind: d.kind, title: d.title, paragraphs: paragraphsOf(id, d.paragraphs) });
    }
    if (result.plan) {
      plans.push({
        planId: entry.id,
        nodes: result.plan.nodes.map((n) => {
          const id = planNodeId(entry.id, n.path);
          return {
            id,
            path: n.path,
            kind: n.kind,
            label: planNodeLabel(n),
            paragraphs: paragraphsOf(id, n.paragraphs),
            // The same positional target ids as lib/ingest/writer.ts writes (`<node>-t<i>`).
            targets: n.targets.map((t, i) => ({
              id: `${id}-t${i + 1}`,
              kind: t.kind,
              text: t.text,
              paragraphN: t.paragraphN,
            })),
          };
        }),
      });
    }
  }
  return { documents, plans };
}
