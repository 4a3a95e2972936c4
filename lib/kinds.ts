/**
 * The kinds of document, and of search hit: the one home for each kind's URL segment, Chinese
 * label and list-page intro (the zod enums that validate kinds are in lib/kind-schemas.ts, so that
 * client components linking to documents do not ship zod). Keyed by Prisma's enum
 * `DocumentKind`, so a kind added to the schema fails to compile until it is described here.
 *
 * Exports:
 * - `DocumentKind` (type, Prisma's), `DOCUMENT_KINDS` (display order)
 * - `KINDS[kind]`: `{ segment, label, longLabel, intro }`; `kindOfSegment(segment)`
 * - `KIND_SEGMENT`, `KIND_LABEL`: `Record<DocumentKind, string>` views of `KINDS`
 * - `SearchKind` (type), `SEARCH_KINDS` (document kinds, then "plan"),
 *   `SEARCH_KIND_LABEL: Record<SearchKind, string>`
 * - `describeKinds(kinds)`: "speech, proposal or report", for API parameter descriptions
 * - `DocumentGenre` (type), `documentGenre(kind, sourceFormat)`, `PEOPLE_LABEL[genre]`: what a document's
 *   people are called (发言人 / 建议人 / 点评人 / 作者) wherever they are labelled
 *
 * This module imports nothing from Next or the database client, so scripts and lib/ingest can use it.
 */
import { DocumentKind } from "./generated/prisma/enums";

export type { DocumentKind };

export interface KindInfo {
  /** The first path segment of the kind's list and reading pages (/speeches, /speeches/[id]). */
  segment: string;
  /** Navigation, page titles, breadcrumbs, search facets. */
  label: string;
  /** Where the kind is counted on the home page: the label with all that the kind holds. */
  longLabel: string;
  /** The line under the list page's title. */
  intro: string;
}

export const KINDS: Record<DocumentKind, KindInfo> = {
  speech: {
    segment: "speeches",
    label: "大会发言",
    longLabel: "大会发言",
    intro: "区政协全体会议上委员的大会发言：问题、建议与发言人。",
  },
  proposal: {
    segment: "proposals",
    label: "委员建议",
    longLabel: "委员建议与代表点评",
    intro: "报纸报道的市政协委员建言与人大代表、政协委员对政府工作报告的点评。",
  },
  report: {
    segment: "reports",
    label: "调研报告",
    longLabel: "调研报告",
    intro: "北京市人大常委会各工作机构关于“十四五”规划编制的专题调研报告。",
  },
};

/** Every document kind, in the order of the Prisma schema, which is the order pages list them in. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = Object.values(DocumentKind);

export const KIND_SEGMENT = Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, KINDS[k].segment])) as Record<
  DocumentKind,
  string
>;
export const KIND_LABEL = Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, KINDS[k].label])) as Record<
  DocumentKind,
  string
>;

const KIND_OF_SEGMENT = new Map(DOCUMENT_KINDS.map((k) => [KINDS[k].segment, k]));
/** The document kind whose pages live under /segment, if any. */
export const kindOfSegment = (segment: string): DocumentKind | undefined => KIND_OF_SEGMENT.get(segment);

/** A search hit is a document's paragraph or a plan node's. */
export type SearchKind = DocumentKind | "plan";
export const SEARCH_KINDS: readonly SearchKind[] = [...DOCUMENT_KINDS, "plan"];

export const SEARCH_KIND_LABEL: Record<SearchKind, string> = { ...KIND_LABEL, plan: "规划纲要" };

/** "speech, proposal or report": a list of kinds for a parameter's description. */
export function describeKinds(kinds: readonly string[]): string {
  return kinds.length < 2 ? kinds.join("") : `${kinds.slice(0, -1).join(", ")} or ${kinds.at(-1)}`;
}

/**
 * What a reader calls a document, finer than its kind: the proposal kind holds members' written
 * proposals and deputies' and members' comments on the government work report (a source of format
 * news-comments), and their people are named differently.
 */
export type DocumentGenre = "speech" | "proposal" | "comment" | "report";

/** The genre of a document of this kind from a source of this format (the manifest's `format`). */
export function documentGenre(kind: DocumentKind, sourceFormat: string): DocumentGenre {
  if (kind === "proposal" && sourceFormat === "news-comments") return "comment";
  return kind;
}

/** The one label for a document's people: 发言人 for a speech, 建议人 for a proposal, 点评人 for a comment. */
export const PEOPLE_LABEL: Record<DocumentGenre, string> = {
  speech: "发言人",
  proposal: "建议人",
  comment: "点评人",
  report: "作者",
};
