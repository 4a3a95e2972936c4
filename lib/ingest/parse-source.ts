import type { SourceEntry } from "./manifest";
import { parsePlan } from "./parsers/five-year-plan";
import { parseGeneric } from "./parsers/generic";
import { parseNewsComments, parseNewsProposals } from "./parsers/news";
import { parseReports } from "./parsers/npc-reports";
import { parseSpeeches } from "./parsers/cppcc-speeches";
import type { ParseResult } from "./types";

/** Bump a parser's version when its output changes: sources it produced are re-ingested. */
export const PARSER_VERSIONS: Record<SourceEntry["format"], number> = {
  "cppcc-speeches": 1,
  "five-year-plan": 1,
  "npc-reports": 1,
  "news-proposals": 1,
  "news-comments": 1,
  generic: 1,
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
