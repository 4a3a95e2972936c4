/** Inputs and outputs of the topic assignment: plain data, built from the parsed corpus or the database. */
import type { DocumentKind, PlanNodeKind } from "../generated/prisma/enums";

export interface TopicParagraph {
  id: string;
  n: number;
  text: string;
  headingLevel: number | null;
}

export interface TopicDocument {
  id: string;
  kind: DocumentKind;
  title: string;
  paragraphs: TopicParagraph[];
}

export interface TopicPlanNode {
  id: string;
  path: string;
  kind: PlanNodeKind;
  /** Number and title, as the plan prints them. */
  label: string;
  paragraphs: TopicParagraph[];
}

/** A link from a document to a plan node that readers see (suggested or confirmed). */
export interface TopicPlanLink {
  documentId: string;
  planPath: string;
  score: number;
}

/** One topic of a document, plan node or passage, with the evidence for it. */
export interface TopicScore {
  topic: string;
  /** 0–1. */
  score: number;
  /** The defining terms found, most telling first. */
  terms: string[];
  /** The passage that shows the topic best (documents and plan nodes). */
  bestParagraphId: string | null;
}

export interface TopicAssignmentResult {
  method: string;
  version: string;
  /** By document id. */
  documents: Map<string, TopicScore[]>;
  /** By plan path. */
  planNodes: Map<string, TopicScore[]>;
  /** By paragraph id (documents' and the plan's). */
  passages: Map<string, TopicScore[]>;
}
