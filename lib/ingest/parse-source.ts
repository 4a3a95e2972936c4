import crypto from "node:crypto";
import type { SourceEntry } from "./manifest";
import { normalizeResult } from "./normalize";
import { parsePlan } from "./parsers/five-year-plan";
import { parseGeneric } from "./parsers/generic";
import { parseNewsComments, parseNewsProposals } from "./parsers/news";
import { parseReports } from "./parsers/npc-reports";
import { parseSpeeches } from "./parsers/cppcc-speeches";
import type { ParseResult } from "./types";

/**
 * Bump a parser's version when its output changes. The stored version also carries a hash of what
 * the parser produced (below), so a changed parse re-ingests its source on the next `npm start` or
 * `npm run ingest` even when nobody bumped the number. (A change to the search columns alone is the
 * index version's, lib/search/index-fields.ts: those columns are recomputed in place.)
 */
export const PARSER_VERSIONS: Record<SourceEntry["format"], number> = {
  "cppcc-speeches": 3,
  "five-year-plan": 5,
  "npc-reports": 3,
  "news-proposals": 3,
  "news-comments": 3,
  generic: 3,
};

/**
 * "npc-reports@3+1f2e3d4c5b6a": the parser's version and a hash of its output for this file. Ingest
 * replaces a source whose stored value differs, so any change to parsing or normalisation (a
 * shared helper in ../text.ts or ./normalize.ts as much as the parser itself) reaches an existing
 * install, and an edit that parses the corpus exactly as before (a refactor) re-ingests nothing.
 */
export function parserVersion(entry: SourceEntry, result: ParseResult): string {
  const output = crypto.createHash("sha256").update(JSON.stringify(result)).digest("hex").slice(0, 12);
  return `${entry.format}@${PARSER_VERSIONS[entry.format]}+${output}`;
}

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
