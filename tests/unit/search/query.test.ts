import { describe, expect, it } from "vitest";
import {
  MAX_WEIGHTED_WORDS,
  highlightNeedles,
  needlesForQuery,
  parseQuery,
  partsOf,
  tsqueryFor,
  weightedWords,
  withCorpusWords,
  wordSynonymsOf,
  wordsToCount,
} from "@/lib/search/query";

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
  it("lets a synonym stand in for a word of a two-word compound", () => {
    expect(wordSynonymsOf("ai监管", ["ai", "监管"])).toMatchObject({ ai: expect.arrayContaining(["人工智能"]) });
    const t = parseQuery("AI监管").clauses[0]![0]!;
    expect(tsqueryFor(t.tokens, "literal", new Set(), t.wordSynonyms)).toMatch(/^\('ai' \| '人工智能'.*\) & '监管'$/);
    // A question's words are left alone: any two of them already match.
    expect(parseQuery("怎样降低企业用工成本").clauses[0]![0]!.wordSynonyms).toEqual({});
    expect(parseQuery('"AI监管"').clauses[0]![0]!.wordSynonyms).toEqual({});
  });
  it("reads a long term's word the corpus never uses as the corpus's words inside it", () => {
    const q = parseQuery("孩子心理压力大该找谁？");
    expect(q.clauses[0]![0]!.tokens).toContain("心理压力");
    expect(wordsToCount(q)).toEqual(expect.arrayContaining(["心理压力", "心理", "压力"]));
    const df = new Map([
      ["心理压力", 0],
      ["心理", 18],
      ["压力", 14],
    ]);
    const refined = withCorpusWords(q, df).clauses[0]![0]!;
    expect(refined.tokens).toEqual(expect.arrayContaining(["孩子", "心理", "压力"]));
    expect(refined.tokens).not.toContain("心理压力");
    // Used somewhere, or unknown: as typed.
    expect(withCorpusWords(q, new Map([...df, ["心理压力", 1]])).clauses[0]![0]!.tokens).toContain("心理压力");
    expect(withCorpusWords(q, new Map()).clauses[0]![0]!.tokens).toContain("心理压力");
    // Only one word inside it in use: a stem, not a compound, so it stays.
    const young = parseQuery("年轻人为什么不愿意来大兴工作？");
    const youngDf = new Map([
      ["年轻人", 0],
      ["年轻", 2],
    ]);
    expect(withCorpusWords(young, youngDf).clauses[0]![0]!.tokens).toContain("年轻人");
    // Short terms keep their words: a compound's absent whole is a partial match of its parts there.
    expect(wordsToCount(parseQuery("心理压力"))).toEqual([]);
    // The reading page marks the words inside, without counts.
    expect(highlightNeedles(q)).toEqual(expect.arrayContaining(["心理", "压力"]));
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
  it("leaves out the pairs of two common words, unless no other pair is left", () => {
    const common = new Set(["产业", "规划"]);
    expect(tsqueryFor(["大兴机场", "周边", "产业", "规划"], "literal", common)).toBe(
      "('大兴机场' & '周边') | ('大兴机场' & '产业') | ('大兴机场' & '规划') | ('周边' & '产业') | ('周边' & '规划')",
    );
    expect(tsqueryFor(["产业", "规划", "发展"], "literal", new Set(["产业", "规划", "发展"]))).toBe(
      "('产业' & '规划') | ('产业' & '发展') | ('规划' & '发展')",
    );
    // Two words are both needed anyway: nothing to leave out.
    expect(tsqueryFor(["产业", "规划"], "literal", common)).toBe("'产业' & '规划'");
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

  it("leaves a question's question and function words out of its words", () => {
    const t = parseQuery("大兴以后会通哪些地铁？").clauses[0]![0]!;
    expect(t.tokens).toContain("地铁");
    expect(t.tokens).not.toContain("以后");
    expect(t.tokens).not.toContain("哪些");
    // The parts a compound or question is matched by are its content words, so 地铁 is one.
    expect(t.parts).toContain("地铁");
  });

  it("weighs each result by the content words of each term, two characters or more", () => {
    // A question: its content words, each alone (one-character words such as 来 are grammar here).
    expect(weightedWords(parseQuery("如何吸引人才来大兴"))).toEqual(["吸引", "人才", "大兴"]);
    // Words typed apart, a quoted phrase as typed, a character typed alone left to its own ranking.
    expect(weightedWords(parseQuery('京津冀 产业 "国际消费中心" 水'))).toEqual(["京津冀", "产业", "国际消费中心"]);
    expect(weightedWords(parseQuery("冬奥 OR 奥运"))).toEqual(["冬奥", "奥运"]);
    expect(weightedWords(parseQuery("水"))).toEqual([]);
    const many = weightedWords(parseQuery("教育 医疗 养老 住房 交通 就业 环境 文化"));
    expect(many).toHaveLength(MAX_WEIGHTED_WORDS);
  });

  it("turns the thesaurus and compound parts off when asked (for the benchmark)", () => {
    const off = parseQuery("企业贷款难", { thesaurus: false }).clauses[0]![0]!;
    expect(off.expansions).toEqual([]);
    expect(off.partExpansions).toEqual([]);
    expect(off.parts).toEqual(["企业", "贷款"]);
    const noParts = parseQuery("企业贷款难", { parts: false }).clauses[0]![0]!;
    expect(noParts.parts).toEqual([]);
    expect(noParts.partExpansions).toEqual([]);
    expect(parseQuery("堵车", { parts: false }).clauses[0]![0]!.expansions.length).toBeGreaterThan(0);
  });
});
