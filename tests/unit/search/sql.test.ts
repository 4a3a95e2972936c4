import { describe, expect, it } from "vitest";
import { withoutImplied } from "@/lib/search/sql";

describe("candidate predicates", () => {
  it("drops a substring implied by a shorter one and a conjunction implied by fewer words", () => {
    const preds = withoutImplied([
      { like: "%科技成果转化%" },
      { tsquery: "'科技成果转化'" },
      { like: "%成果转化%" },
      { tsquery: "'成果' & '转化'" },
      { tsquery: "'成果' & '转化' & '科技'" },
      { like: "%成果转化%" },
    ]);
    expect(preds).toEqual([{ tsquery: "'科技成果转化'" }, { like: "%成果转化%" }, { tsquery: "'成果' & '转化'" }]);
  });

  it("keeps alternatives (OR of pairs) and unrelated predicates", () => {
    const pairs = { tsquery: "('降低' & '企业') | ('降低' & '成本')" };
    expect(withoutImplied([pairs, { tsquery: "'降低'" }, { like: "%水%" }])).toEqual([
      pairs,
      { tsquery: "'降低'" },
      { like: "%水%" },
    ]);
  });
});
