/**
 * Search hits in the API's shapes: a hit of a result page (the contract's SearchHit) and a hit of
 * the JSON export (every field the search page has). How each term matched is data (via, expansion);
 * the page's Chinese wording of it lives in components/search/match-label.ts.
 */
import type { SearchHit } from "../data/search";
import { matchedTerms, type Match } from "../search/match";
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
    matches: h.matches.map(toApiMatch),
    missingTerms: h.missing,
    score: h.score,
  };
}

function toApiMatch(m: Match): ApiSearchHit["matches"][number] {
  return m.relation
    ? { term: m.term, via: m.via, expansion: m.expansion, relation: m.relation }
    : { term: m.term, via: m.via, expansion: m.expansion };
}

export type ExportSearchHit = Omit<SearchHit, "matches" | "missing"> & {
  matchedTerms: string[];
  matches: ApiSearchHit["matches"];
  missingTerms: string[];
};

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
    matches: h.matches.map(toApiMatch),
    missingTerms: h.missing,
    score: h.score,
    date: h.date,
    speakers: h.speakers,
    breadcrumb: h.breadcrumb,
  };
}
