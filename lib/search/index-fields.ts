/**
 * The search index's definition on the application side: what each paragraph's search columns
 * hold (title, heading, body, context, normalised text), computed from plain rows, and the version
 * stamp those columns were computed with. Ingest writes these columns for new sources and
 * recomputes them in place when the stamp changes; the weights A–D of the generated `search`
 * column are in the migration, the ranking in ./sql.ts.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { planNodeLabel } from "../urls";
import { normalizeText } from "./normalize";
import { DICTIONARY_FILE, indexTokens } from "./segment";

/** Bump when what the search columns hold changes (segmentation, what goes in which column). */
export const SEARCH_INDEX_VERSION = 3;

/** A change to the project dictionary re-segments every paragraph, as the index must match queries. */
function dictionaryStamp(): string {
  return fs.existsSync(DICTIONARY_FILE)
    ? crypto.createHash("sha256").update(fs.readFileSync(DICTIONARY_FILE)).digest("hex").slice(0, 8)
    : "none";
}

/** The stamp stored in Source.indexVersion: the index version and the dictionary it segmented with. */
export function indexVersion(): string {
  return `search${SEARCH_INDEX_VERSION}.${dictionaryStamp()}`;
}

export interface SearchColumns {
  searchTitle: string;
  searchHeading: string;
  searchBody: string;
  searchContext: string;
  normText: string;
}

/** What a paragraph's columns are computed from: its text and whether it is a heading. */
export interface IndexedParagraph {
  text: string;
  headingLevel: number | null;
}

/** What a document is found by besides its text: title, speakers and authoring office (weight A). */
export function searchTitleOf(d: {
  title: string;
  speakers: readonly string[];
  authoringOffice: string | null;
}): string {
  return [d.title, ...d.speakers, d.authoringOffice ?? ""].join(" ");
}

/**
 * The headings each paragraph sits under, outermost first: the given outer headings (a plan
 * node's ancestors), then the open headings of higher level within the paragraphs themselves.
 */
export function enclosingHeadings(paragraphs: readonly IndexedParagraph[], outer: readonly string[] = []): string[][] {
  const open: string[] = [];
  return paragraphs.map((p) => {
    if (p.headingLevel === null) return [...outer, ...open.filter(Boolean)];
    open.length = Math.max(0, p.headingLevel - 1);
    const context = [...outer, ...open.filter(Boolean)];
    open[p.headingLevel - 1] = p.text;
    return context;
  });
}

/** Search columns of a paragraph: segmented title/heading/body/context and the normalised text. */
export function searchColumns(title: string, p: IndexedParagraph, context: readonly string[]): SearchColumns {
  const body = indexTokens(p.text).join(" ");
  return {
    searchTitle: indexTokens(title).join(" "),
    searchHeading: p.headingLevel !== null ? body : "",
    searchBody: p.headingLevel === null ? body : "",
    searchContext: context.length ? indexTokens(context.join(" ")).join(" ") : "",
    normText: normalizeText(p.text),
  };
}

/** The columns of a document's paragraphs, in order. */
export function documentSearchColumns(
  d: { title: string; speakers: readonly string[]; authoringOffice: string | null },
  paragraphs: readonly IndexedParagraph[],
): SearchColumns[] {
  const title = searchTitleOf(d);
  // No context for documents: a document is one result group whose section headings are
  // indexed as heading paragraphs already, and adding them as context measured worse
  // (question queries 0.919 → 0.890 nDCG@10 in npm run eval:search).
  return paragraphs.map((p) => searchColumns(title, p, []));
}

export interface IndexedPlanNode {
  /** "3", "3.2", "3.2.1". */
  path: string;
  number: string | null;
  title: string;
  paragraphs: readonly IndexedParagraph[];
}

/**
 * The columns of every plan node's paragraphs, in the order of `nodes` (the whole plan, so that
 * each node finds its ancestors): a node's own label is its search title, the labels of the
 * chapter and section it sits under (and headings within it) are its paragraphs' context.
 */
export function planSearchColumns(nodes: readonly IndexedPlanNode[]): SearchColumns[][] {
  const byPath = new Map(nodes.map((n) => [n.path, n]));
  return nodes.map((n) => {
    const parts = n.path.split(".");
    const ancestors = parts.slice(1).flatMap((_, k) => byPath.get(parts.slice(0, k + 1).join(".")) ?? []);
    const contexts = enclosingHeadings(n.paragraphs, ancestors.map(planNodeLabel));
    const title = planNodeLabel(n);
    return n.paragraphs.map((p, i) => searchColumns(title, p, contexts[i]!));
  });
}
