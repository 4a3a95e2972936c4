import { describe, expect, it } from "vitest";
import { describeMatch } from "@/components/search/match-label";

describe("why a hit matched, as the search page words it", () => {
  it("words each kind of reason", () => {
    expect(describeMatch({ kind: "term", term: "京津冀" })).toBe("京津冀");
    expect(describeMatch({ kind: "context", term: "京津冀" })).toBe("京津冀（所在章节标题）");
    expect(describeMatch({ kind: "words", term: "农村医疗", words: ["农村", "医疗"] })).toBe("农村医疗（农村 + 医疗）");
    expect(describeMatch({ kind: "synonym", term: "两区", synonym: "自由贸易试验区" })).toBe(
      "两区 → 同义词“自由贸易试验区”",
    );
    expect(describeMatch({ kind: "partial", term: "农村医疗", words: ["农村"] })).toBe("农村医疗（部分：农村）");
  });
});
