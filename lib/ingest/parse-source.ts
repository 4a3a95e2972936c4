import type { SourceEntry } from "./manifest";
import { normalizeResult } from "./normalize";
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
  "cppcc-speeches": 3,
  "five-year-plan": 5,
  "npc-reports": 3,
  "news-proposals": 3,
  "news-comments": 3,
  generic: 3,
};

export const parserVersion = (entry: SourceEntry) => `${entry.format}@${PARSER_VERSIONS[entry.format]}`;

/** A source's documents or plan as readers see them: parsed, then display-normalised (./normalize.ts). */
export function parseSource(entry: SourceEntry, text: string): ParseResult {
  return normalizeResult(parseRaw(entry, text));
}

function parseRaw(entry: SourceEntry, text: string): ParseResult {
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
