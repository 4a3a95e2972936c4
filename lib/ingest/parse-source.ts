import type { SourceEntry } from "./manifest";
import { parsePlan } from "./parsers/five-year-plan";
import { parseGeneric } from "./parsers/generic";
import { parseNewsComments, parseNewsProposals } from "./parsers/news";
import { parseReports } from "./parsers/npc-reports";
import { parseSpeeches } from "./parsers/cppcc-speeches";
import type { ParseResult } from "./types";

/**
 * Bump a parser's version when its output changes: sources it produced are re-ingested. (A
 * change to the search columns alone is the index version's, lib/search/index-fields.ts: those
 * columns are recomputed in place.)
 */
export const PARSER_VERSIONS: Record<SourceEntry["format"], number> = {
  "cppcc-speeches": 2,
  "five-year-plan": 4,
  "npc-reports": 2,
  "news-proposals": 2,
  "news-comments": 2,
  generic: 2,
};

export const parserVersion = (entry: SourceEntry) => `${entry.format}@${PARSER_VERSIONS[entry.format]}`;

export function parseSource(entry: SourceEntry, text: string): ParseResult {
  switch (entry.format) {
    case "cppcc-speeches":
      return parseSpeeches(text, entry.options);
    case "five-year-plan":
      return parsePlan(text, entry.options);
    case "npc-reports":
      return parseReports(text);
    case "news-proposals":
      return parseNewsProposals(text);
    case "news-comments":
      return parseNewsComments(text);
    case "generic":
      return parseGeneric(text);
  }
}
