/**
 * CSV as spreadsheets read it: RFC 4180 cells, a BOM so Excel reads the Chinese as UTF-8, CRLF
 * line ends. One home for every export (search hits, coverage).
 */

/**
 * One cell. A cell that starts with = + - @, a tab or a carriage return would be read as a formula
 * by a spreadsheet: it is neutralised with a leading apostrophe.
 */
export function csvCell(value: string | number): string {
  const s = String(value);
  const safe = typeof value === "string" && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows of cells as a CSV document. */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return `\ufeff${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
