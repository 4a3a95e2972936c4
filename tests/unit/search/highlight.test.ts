import { describe, expect, it } from "vitest";
import { findRanges, snippet, toLayeredRuns, toRuns } from "@/lib/search/highlight";

describe("highlighting", () => {
  it("finds occurrences through normalisation and merges overlaps", () => {
    const text = "推進“碳達峰”，實現碳達峰碳中和";
    expect(findRanges(text, ["碳达峰", "碳达峰碳中和"])).toEqual([
      [3, 6],
      [10, 16],
    ]);
  });
  it("cuts a snippet around the first match and shifts its highlights", () => {
    const text = `${"前文。".repeat(60)}这里讲人工智能的发展。${"后文。".repeat(60)}`;
    const s = snippet(text, findRanges(text, ["人工智能"]), 60);
    const [a, b] = s.highlights[0]!;
    expect(s.text.slice(a, b)).toBe("人工智能");
    expect(s.text.startsWith("…")).toBe(true);
  });
  it("splits text into plain and marked runs", () => {
    expect(
      toRuns("abcdef", [
        [1, 3],
        [2, 4],
      ]),
    ).toEqual([
      { text: "a", highlight: false, start: 0 },
      { text: "bcd", highlight: true, start: 1 },
      { text: "ef", highlight: false, start: 4 },
    ]);
  });
  it("splits text by overlapping layers of ranges, each run knowing its layers", () => {
    expect(
      toLayeredRuns("abcdefgh", [
        [[1, 6]],
        [
          [0, 2],
          [4, 5],
        ],
      ]),
    ).toEqual([
      { text: "a", start: 0, layers: [false, true] },
      { text: "b", start: 1, layers: [true, true] },
      { text: "cd", start: 2, layers: [true, false] },
      { text: "e", start: 4, layers: [true, true] },
      { text: "f", start: 5, layers: [true, false] },
      { text: "gh", start: 6, layers: [false, false] },
    ]);
    expect(toLayeredRuns("abc", [[], []])).toEqual([{ text: "abc", start: 0, layers: [false, false] }]);
  });
});
