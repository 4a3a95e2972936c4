import { toCsv } from "../csv";
import type { Match } from "./match";

const COLUMNS = ["rank", "kind", "title", "url", "paragraph", "score", "matchedTerms", "snippet"] as const;

/** What a row of the export needs of a hit. */
export interface ExportedHit {
  kind: string;
  title: string;
  url: string;
  passages: readonly { url: string }[];
  score: number;
  matches: readonly Match[];
  snippet: { text: string };
}

/**
 * RFC 4180 CSV with a BOM so spreadsheet programs read the Chinese correctly. The reasons a hit
 * matched are written as `describe` words them (the search page's wording).
 */
export function hitsToCsv(hits: readonly ExportedHit[], origin: string, describe: (m: Match) => string): string {
  return toCsv([
    COLUMNS,
    ...hits.map((h, i) => [
      i + 1,
      h.kind,
      h.title,
      `${origin}${h.url}`,
      `${origin}${h.passages[0]?.url ?? h.url}`,
      h.score,
      h.matches.map(describe).join("; "),
      h.snippet.text,
    ]),
  ]);
}
