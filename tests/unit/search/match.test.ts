import { describe, expect, it } from "vitest";
import { matchedTerms, matchesOf, missingTerms } from "@/lib/search/match";
import { normalizeText } from "@/lib/search/normalize";
import { parseQuery } from "@/lib/search/query";

describe("how a hit matched", () => {
  it("says when a term was found only in the chapter title around the passage", () => {
    const q = parseQuery("京津冀 产业");
    expect(
      matchesOf(q, ["深化与津冀地区的医药健康产业合作"], "", ["第四章 区域 协同 深度 融入 京津冀 发展 大 格局"]),
    ).toEqual([
      { term: "京津冀", via: "context", expansion: null },
      { term: "产业", via: "text", expansion: null },
    ]);
    expect(matchesOf(q, ["京津冀产业协同"])).toEqual([
      { term: "京津冀", via: "text", expansion: null },
      { term: "产业", via: "text", expansion: null },
    ]);
  });

  it("tells the title, the expansion that matched and its relation", () => {
    expect(matchesOf(parseQuery("周源"), ["正文"], ["高质量推动数据资源开发利用", "周源"])).toEqual([
      { term: "周源", via: "title", expansion: null },
    ]);
    expect(matchesOf(parseQuery("堵车"), ["缓解交通拥堵"])).toEqual([
      { term: "堵车", via: "thesaurus", expansion: "交通拥堵", relation: "synonym" },
    ]);
    expect(matchesOf(parseQuery("两区"), ["自由贸易试验区建设"])[0]).toMatchObject({ via: "synonym" });
  });

  it("reports parts of a compound as partial, and the words a hit lacks", () => {
    const q = parseQuery("企业贷款难 冬奥");
    const m = matchesOf(q, ["支持企业发展"]);
    expect(m).toEqual([{ term: "企业贷款难", via: "partial", expansion: "企业" }]);
    expect(missingTerms(q, m)).toEqual(["企业贷款难", "冬奥"]);
    expect(matchedTerms(m)).toEqual(["企业贷款难"]);
    expect(missingTerms(parseQuery("冬奥 OR 奥运"), matchesOf(parseQuery("冬奥 OR 奥运"), ["奥运场馆"]))).toEqual([]);
  });

  it("reads texts normalised already (the stored normText) as it reads the raw ones", () => {
    const q = parseQuery("交通拥堵 5G");
    const raw = ["緩解交通擁堵，建設５Ｇ基站"];
    expect(matchesOf(q, raw.map(normalizeText), "", [], { normalized: true })).toEqual(matchesOf(q, raw));
    expect(matchesOf(q, raw)).toHaveLength(2);
  });
});
