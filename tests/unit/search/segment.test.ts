import { describe, expect, it } from "vitest";
import { contentTokens, indexTokens, queryTokens } from "@/lib/search/segment";

describe("segmentation with the project dictionary", () => {
  it("keeps policy terms whole and indexes their parts", () => {
    expect(queryTokens("临空经济区")).toEqual(["临空经济区"]);
    expect(queryTokens("疏整促")).toEqual(["疏整促"]);
    expect(indexTokens("新国门建设")).toEqual(expect.arrayContaining(["新国门", "建设"]));
  });
  it("drops question words", () => {
    expect(queryTokens("怎样降低企业用工成本")).toEqual(["降低", "企业", "用工成本"]);
  });
  it("leaves out how a question is asked for our ranking, not for the BM25 baseline", () => {
    expect(queryTokens("大兴以后会通哪些地铁")).toContain("以后");
    expect(contentTokens("大兴以后会通哪些地铁")).not.toContain("以后");
    expect(contentTokens("大兴以后会通哪些地铁")).toContain("地铁");
    // A query of function words only keeps them: something must be searched.
    expect(contentTokens("以后")).toEqual(["以后"]);
    // How often and where a resident asks are not what about.
    const mood = contentTokens("最近心情总是很低落，附近有能做心理咨询的地方吗");
    expect(mood).toContain("心理咨询");
    for (const w of ["最近", "总是", "附近"]) expect(mood).not.toContain(w);
  });
});
