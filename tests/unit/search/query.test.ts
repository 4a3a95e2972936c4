import { describe, expect, it } from "vitest";
import { highlightNeedles, needlesForQuery, parseQuery, partsOf, tsqueryFor } from "@/lib/search/query";

describe("query parsing", () => {
  it("reads words, phrases, exclusions and OR", () => {
    const q = parseQuery('京津冀 "国际消费中心" -新国门 冬奥 OR 奥运');
    expect(q.clauses.map((c) => c.map((t) => t.norm))).toEqual([["京津冀"], ["国际消费中心"], ["冬奥", "奥运"]]);
    expect(q.clauses[1]![0]!.phrase).toBe(true);
    expect(q.excludes.map((t) => t.norm)).toEqual(["新国门"]);
  });
  it("expands synonyms and thesaurus words, but not a quoted phrase", () => {
    expect(parseQuery("两区").clauses[0]![0]!.expansions.map((s) => s.norm)).toContain("自由贸易试验区");
    const jam = parseQuery("堵车").clauses[0]![0]!;
    expect(jam.expansions[0]).toMatchObject({ norm: "交通拥堵", via: "thesaurus", relation: "synonym" });
    const quoted = parseQuery('"堵车"').clauses[0]![0]!;
    expect(quoted.expansions).toEqual([]);
    expect(quoted.parts).toEqual([]);
  });
  it("splits a compound typed as one word into the words to match where the whole is absent", () => {
    expect(partsOf("企业贷款难", ["企业", "贷款", "难"])).toEqual(["企业", "贷款"]);
    expect(partsOf("药品审批", ["药品", "审批"])).toEqual(["药品", "审批"]);
    // One word for the segmenter: the shorter words inside it.
    expect(partsOf("停车难", ["停车难"])).toEqual(["停车"]);
    expect(partsOf("养老院", ["养老院"])).toEqual(["养老"]);
    expect(partsOf("教育", ["教育"])).toEqual([]);
    expect(parseQuery("停车难").clauses[0]![0]!.parts).toEqual(["停车"]);
  });
  it("reads one character as the word, and a quoted one as the character anywhere", () => {
    expect(parseQuery("水").clauses[0]![0]!.notTheWord).toEqual(expect.arrayContaining(["水平", "水准"]));
    expect(parseQuery('"水"').clauses[0]![0]!.notTheWord).toEqual([]);
    expect(parseQuery("水资源").clauses[0]![0]!.notTheWord).toEqual([]);
  });
  it("reads anything else as text and never fails", () => {
    expect(
      parseQuery("a & b | !c")
        .clauses.flat()
        .map((t) => t.norm),
    ).toEqual(["a", "b", "c"]);
    expect(parseQuery('"未闭合的引号').clauses[0]![0]!.norm).toBe("未闭合的引号");
    expect(parseQuery("😀🎉").clauses).toEqual([]);
    expect(parseQuery("\u0000碳\u0007").clauses[0]![0]!.norm).toBe("碳");
    expect(parseQuery("水".repeat(2000)).clauses[0]![0]!.norm.length).toBeLessThanOrEqual(60);
  });
  it("builds to_tsquery text from quoted words only", () => {
    expect(tsqueryFor(["京津冀", "产业"])).toBe("'京津冀' & '产业'");
    expect(tsqueryFor(["降低", "企业", "用工成本"])).toBe(
      "('降低' & '企业') | ('降低' & '用工成本') | ('企业' & '用工成本')",
    );
    // One-character words of a question (来) are left out of the pairs when two content words remain.
    expect(tsqueryFor(["吸引", "人才", "来", "大兴"])).toBe(
      "('吸引' & '人才') | ('吸引' & '大兴') | ('人才' & '大兴')",
    );
    expect(tsqueryFor(["水", "来", "大兴"])).toBe("('水' & '来') | ('水' & '大兴') | ('来' & '大兴')");
    expect(tsqueryFor(["a'b", "c:*"])).toBe("'ab' & 'c'");
  });
  it("highlights terms, their words, parts and expansions", () => {
    expect(highlightNeedles(parseQuery("京津冀产业"))).toEqual(
      expect.arrayContaining(["京津冀产业", "京津冀", "产业"]),
    );
    expect(highlightNeedles(parseQuery("堵车 停车难"))).toEqual(
      expect.arrayContaining(["堵车", "交通拥堵", "停车难", "停车"]),
    );
  });
  it("marks a reading page with the words of the search that led there", () => {
    expect(needlesForQuery(undefined)).toEqual([]);
    expect(needlesForQuery("碳达峰 -煤炭")).toContain("碳达峰");
    expect(needlesForQuery("碳达峰 -煤炭")).not.toContain("煤炭");
    expect(needlesForQuery("疏整促")).toContain("疏解整治促提升");
  });
});
