import type { SearchHit } from "../data/search";

const COLUMNS = ["rank", "kind", "title", "url", "paragraph", "score", "matchedTerms", "snippet"] as const;

/** RFC 4180 CSV with a BOM so spreadsheet programs read the Chinese correctly. */
export function hitsToCsv(hits: SearchHit[], origin: string): string {
  const cell = (v: string | number) => {
    const s = String(v);
    // A leading = + - @ would be a formula in a spreadsheet: neutralise it.
    const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [COLUMNS.join(",")];
  hits.forEach((h, i) => {
    lines.push(
      [
        i + 1,
        h.kind,
        h.title,
        `${origin}${h.url}`,
        `${origin}${h.passages[0]?.url ?? h.url}`,
        h.score,
        h.matchedTerms.join("; "),
        h.snippet.text,
      ]
        .map(cell)
        .join(","),
    );
  });
  return `\ufeff${lines.join("\r\n")}\r\n`;
}
