import "server-only";
import { getDb } from "../db";
import { searchWith, suggestWith, type SearchParams, type SearchResult } from "../search/service";

export type { SearchHit, SearchResult } from "../search/service";

export function searchCorpus(params: SearchParams): Promise<SearchResult> {
  return searchWith(getDb(), params);
}

export function suggest(q: string) {
  return suggestWith(getDb(), q);
}
