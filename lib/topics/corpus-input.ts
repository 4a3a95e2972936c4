/**
 * Topic inputs from the parsed corpus (`parseCorpus()`), with the ids the database rows get, so the
 * evaluation runs in memory. Pure: the linker's inputs are the same documents and nodes.
 */
import type { LinkDocument, LinkPlanNode } from "../linking/types";
import type { TopicDocument, TopicPlanNode } from "./types";

export function topicInputs(
  documents: readonly LinkDocument[],
  nodes: readonly LinkPlanNode[],
): { documents: TopicDocument[]; nodes: TopicPlanNode[] } {
  return {
    documents: documents.map((d) => ({ id: d.id, kind: d.kind, title: d.title, paragraphs: d.paragraphs })),
    nodes: nodes.map((n) => ({ id: n.id, path: n.path, kind: n.kind, label: n.label, paragraphs: n.paragraphs })),
  };
}
