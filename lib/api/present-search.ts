/**
 * Search hits in the API's shapes: a hit of a result page (the contract's SearchHit) and a hit of
 * the JSON export (every field the search page has, reasons as the terms matched).
 */
import type { SearchHit } from "../data/search";
import { matchedTerms } from "../search/match";
import type { ApiSearchHit } from "./present";

export function toApiSearchHit(h: SearchHit): ApiSearchHit {
  return {
    kind: h.kind,
    documentId: h.documentId,
    planPath: h.planPath,
    title: h.title,
    url: h.url,
    paragraphId: h.paragraphId,
    snippet: h.snippet,
    matchedTerms: matchedTerms(h.matches),
    score: h.score,
  };
}

export type ExportSearchHit = Omit<SearchHit, "matches"> & { matchedTerms: string[] };

export function toExportSearchHit(h: SearchHit): ExportSearchHit {
  return {
    kind: h.kind,
    documentId: h.documentId,
    planPath: h.planPath,
    title: h.title,
    url: h.url,
    paragraphId: h.paragraphId,
    paragraphN: h.paragraphN,
    snippet: h.snippet,
    passages: h.passages,
    matchedTerms: matchedTerms(h.matches),
    score: h.score,
    date: h.date,
    speakers: h.speakers,
    breadcrumb: h.breadcrumb,
  };
}
