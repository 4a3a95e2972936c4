import type { DocumentKind } from "../kinds";

export interface SourceLine {
  /** 1-based line number in the original file. */
  n: number;
  text: string;
}

export interface ParsedParagraph {
  text: string;
  /** 1 = 一、 2 = （一） 3 = 1. 4 = （1）; null for body text. */
  headingLevel: number | null;
  lineStart: number;
  lineEnd: number;
}

export interface ParsedPerson {
  name: string;
  role: string | null;
  affiliation: string | null;
}

export interface ParsedDocument {
  kind: DocumentKind;
  ordinal: number;
  title: string;
  subtitle: string | null;
  authoringOffice: string | null;
  lineStart: number;
  lineEnd: number;
  speakers: ParsedPerson[];
  paragraphs: ParsedParagraph[];
}

export type PlanNodeKind = "preface" | "chapter" | "section" | "subsection";
export type PlanTargetKind = "goal" | "target" | "achievement";

export interface ParsedPlanTarget {
  kind: PlanTargetKind;
  text: string;
  indicator: string | null;
  value: string | null;
  valueNumber: number | null;
  unit: string | null;
  year: number | null;
  comparator: string | null;
  lineStart: number;
  /** Index (1-based) of the node paragraph the target was found in. */
  paragraphN: number | null;
}

export interface ParsedPlanFigure {
  name: string;
  fileName: string;
  lineNumber: number;
}

export interface ParsedPlanNode {
  kind: PlanNodeKind;
  path: string;
  level: number;
  number: string | null;
  title: string;
  lineStart: number;
  lineEnd: number;
  paragraphs: ParsedParagraph[];
  figures: ParsedPlanFigure[];
  targets: ParsedPlanTarget[];
}

export interface ParsedPlan {
  title: string;
  metadata: Record<string, string>;
  nodes: ParsedPlanNode[];
}

export interface ParseWarning {
  line: number;
  message: string;
}

export interface ParseResult {
  documents: ParsedDocument[];
  plan: ParsedPlan | null;
  warnings: ParseWarning[];
}

/** A parse failure that names the line, so a user adding a document knows where to look. */
export class ParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = "ParseError";
  }
}
