import { describe, expect, it } from "vitest";
import { describeMatch } from "@/components/search/match-label";

describe("why a hit matched, as the search page words it", () => {
  it("words each way of matching", () => {
    expect(describeMatch({ term: "京津冀", via: "text", expansion: null })).toBe("京津冀");
    expect(describeMatch({ term: "周源", via: "title", expansion: null })).toBe("周源（标题）");
    expect(describeMatch({ term: "京津冀", via: "context", expansion: null })).toBe("京津冀（所在章节标题）");
    expect(describeMatch({ term: "农村医疗", via: "text", expansion: "农村 医疗" })).toBe("农村医疗（农村 + 医疗）");
    expect(describeMatch({ term: "两区", via: "synonym", expansion: "自由贸易试验区", relation: "synonym" })).toBe(
      "两区 → 同义词“自由贸易试验区”",
    );
    expect(describeMatch({ term: "入园难", via: "thesaurus", expansion: "学前教育", relation: "broader" })).toBe(
      "入园难 → 上位词“学前教育”",
    );
    expect(describeMatch({ term: "企业贷款难", via: "partial", expansion: "企业 贷款" })).toBe(
      "企业贷款难（部分：企业 + 贷款）",
    );
  });
});
