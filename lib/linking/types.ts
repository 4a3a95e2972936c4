/** Inputs and outputs of the automatic linker: plain data, built from the parsed corpus or the database. */
import type { DocumentKind, PlanNodeKind, PlanTargetKind } from "../generated/prisma/enums";

export interface LinkParagraph {
  id: string;
  n: number;
  text: string;
  headingLevel: number | null;
}

export interface LinkDocument {
  id: string;
  kind: DocumentKind;
  title: string;
  paragraphs: LinkParagraph[];
}

export interface LinkPlanTarget {
  id: string;
  kind: PlanTargetKind;
  text: string;
  paragraphN: number | null;
}

export interface LinkPlanNode {
  id: string;
  path: string;
  kind: PlanNodeKind;
  label: string;
  paragraphs: LinkParagraph[];
  targets: LinkPlanTarget[];
}

export type Band = "strong" | "medium" | "weak";

export interface LinkEvidenceOut {
  paragraphId: string;
  planParagraphId: string;
  terms: string[];
  score: number;
}

export interface SuggestedLink {
  documentId: string;
  planPath: string;
  targetId: string | null;
  score: number;
  band: Band;
  evidence: LinkEvidenceOut[];
}

export interface LinkerResult {
  method: string;
  version: string;
  links: SuggestedLink[];
}
