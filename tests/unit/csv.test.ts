import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/lib/csv";

describe("CSV", () => {
  it("neutralises cells a spreadsheet would read as formulas, including a leading tab or carriage return", () => {
    for (const lead of ["=", "+", "-", "@", "\t", "\r"]) expect(csvCell(`${lead}1+1`).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell("大兴")).toBe("大兴");
  });

  it("quotes separators, quotes and line breaks; starts with a BOM and ends lines with CRLF", () => {
    expect(csvCell('a,"b"\nc')).toBe('"a,""b""\nc"');
    expect(
      toCsv([
        ["h1", "h2"],
        [1, "x,y"],
      ]),
    ).toBe('\ufeffh1,h2\r\n1,"x,y"\r\n');
  });
});
