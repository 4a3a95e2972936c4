import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../infra/paths";
import type { SourceEntry } from "./manifest";
import { parsePlan } from "./parsers/five-year-plan";
import { parseGeneric } from "./parsers/generic";
import { parseNewsComments, parseNewsProposals } from "./parsers/news";
import { parseReports } from "./parsers/npc-reports";
import { parseSpeeches } from "./parsers/cppcc-speeches";
import type { ParseResult } from "./types";

/** Bump a parser's version when its output changes: sources it produced are re-ingested. */
export const PARSER_VERSIONS: Record<SourceEntry["format"], number> = {
  "cppcc-speeches": 2,
  "five-year-plan": 3,
  "npc-reports": 2,
  "news-proposals": 2,
  "news-comments": 2,
  generic: 2,
};

/** Bump when the search columns written at ingest change (segmentation, weights). */
export const SEARCH_INDEX_VERSION = 3;

/** A change to the project dictionary re-segments every source, as the index must match queries. */
function dictionaryStamp(): string {
  const file = path.join(projectRoot, "data", "search", "dictionary.txt");
  return fs.existsSync(file)
    ? crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex").slice(0, 8)
    : "none";
}

export const parserVersion = (entry: SourceEntry) =>
  `${entry.format}@${PARSER_VERSIONS[entry.format]}+search${SEARCH_INDEX_VERSION}.${dictionaryStamp()}`;

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
