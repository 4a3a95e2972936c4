import { describe, expect, it } from "vitest";
import { idFromSegment, idParam, isCleanText, listPageParams, searchPageParams, textParam } from "@/lib/data/params";
import { searchQuery, suggestQuery } from "@/lib/api/schemas";

const HOSTILE = [
  "a\u0000b",
  "\u0000",
  "x\u0007",
  "\t",
  "a\nb",
  "\u007f",
  "\u0085",
  "\ud800",
  "a\udfffb",
  "\udc00\ud800",
];
const FINE = [
  "daxing-cppcc-2023-speeches-01",
  "周源",
  "😀",
  "\u{20000}",
  "a b",
  "%00",
  "'; DROP TABLE x; --",
  "\u200b",
];

describe("the text parameter schema", () => {
  it("refuses control characters (NUL included) and unpaired surrogates", () => {
    for (const s of HOSTILE) {
      expect(isCleanText(s), JSON.stringify(s)).toBe(false);
      expect(idParam.safeParse(s).success, JSON.stringify(s)).toBe(false);
    }
    for (const s of FINE) expect(idParam.safeParse(s).success, s).toBe(true);
  });

  it("bounds the length, and trims before checking when asked", () => {
    expect(idParam.safeParse("").success).toBe(false);
    expect(idParam.safeParse("x".repeat(201)).success).toBe(false);
    expect(textParam(5, { trim: true, min: 1 }).parse("  abc  ")).toBe("abc");
    expect(textParam(5, { trim: true, min: 1 }).safeParse("   ").success).toBe(false);
  });

  it("is what the API's text parameters use: a 400 instead of a database error", () => {
    expect(suggestQuery.safeParse({ q: "a\u0000" }).success).toBe(false);
    expect(suggestQuery.safeParse({ q: "\ud83d" }).success).toBe(false);
    expect(searchQuery.safeParse({ q: "碳", person: "\u0000" }).success).toBe(false);
    expect(searchQuery.safeParse({ q: "碳", source: "s\u0001" }).success).toBe(false);
    expect(searchQuery.safeParse({ q: "碳达峰" }).success).toBe(true);
  });

  it("lets pages fall back to the defaults", () => {
    expect(searchPageParams.parse({ q: "a\u0000", person: "\ud800", source: "\u0000" })).toMatchObject({
      q: "",
      person: undefined,
      source: undefined,
    });
    expect(listPageParams.parse({ source: "x\u0000", person: "\u0085", sort: "\u0000", page: "2" })).toEqual({
      source: undefined,
      person: undefined,
      sort: "date",
      page: 2,
    });
  });

  it("decodes a page's path segment, or says it is none", () => {
    expect(idFromSegment("daxing-cppcc-2023-speeches-01")).toBe("daxing-cppcc-2023-speeches-01");
    expect(idFromSegment("%E5%91%A8")).toBe("周");
    expect(idFromSegment("%00")).toBeNull();
    expect(idFromSegment("%")).toBeNull();
    expect(idFromSegment("%ED%A0%80")).toBeNull();
    expect(idFromSegment("x".repeat(300))).toBeNull();
  });
});
