import { describe, expect, it } from "vitest";
import { ALL_PARAGRAPHS, COMMON_WORD_SHARE, commonWordsOf, nearPattern, withoutImplied } from "@/lib/search/sql";
import { parseQuery, partWords } from "@/lib/search/query";

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

describe("common parts", () => {
  it("leaves out of the candidates the parts held by more than COMMON_WORD_SHARE of the paragraphs", () => {
    const query = parseQuery("企业贷款难");
    const parts = partWords(query);
    expect(parts).toContain("企业");
    expect(parts).toContain("贷款");
    const df = new Map([
      [ALL_PARAGRAPHS, 1000],
      ["企业", Math.ceil(1000 * COMMON_WORD_SHARE) + 1],
      ["贷款", 10],
    ]);
    expect([...commonWordsOf(query, df)]).toEqual(["企业"]);
    // Without counts, nothing is left out.
    expect(commonWordsOf(query, undefined).size).toBe(0);
  });

  it("counts a question's common words too, whose pairs then do not find candidates", () => {
    const query = parseQuery("大兴机场周边有什么产业规划？");
    const df = new Map([
      [ALL_PARAGRAPHS, 1000],
      ["产业", 200],
      ["规划", 150],
      ["周边", 5],
      ["大兴机场", 30],
    ]);
    const common = commonWordsOf(query, df);
    expect(common.has("产业") && common.has("规划")).toBe(true);
    expect(common.has("周边") || common.has("大兴机场")).toBe(false);
  });
});

describe("a compound's words close together", () => {
  it("matches its words in any order within a clause, not across a paragraph", () => {
    const near = new RegExp(nearPattern(["新药", "进", "医保"])!);
    expect(near.test("北京新药进入医保尚需要一定时间")).toBe(true);
    expect(near.test("医保目录调整后，进口新药")).toBe(true);
    const debt = new RegExp(nearPattern(["地方", "债", "风险"])!);
    expect(
      debt.test("推动出台《地方金融监管条例》，加强金融监管人才队伍建设，配合监管部门做好企业债券违约风险处置"),
    ).toBe(false);
    expect(debt.test("防范化解地方政府债务风险")).toBe(true);
    const ai = new RegExp(nearPattern(["ai", "监管"], { ai: ["人工智能"] })!);
    expect(ai.test("加强人工智能领域的监管")).toBe(true);
    expect(ai.test("加强数据领域的监管")).toBe(false);
  });
  it("escapes what a word holds and gives up on one word or more than four", () => {
    expect(new RegExp(nearPattern(["5.0", "版"])!).test("5x0版")).toBe(false);
    expect(nearPattern(["教育"])).toBeNull();
    expect(nearPattern(["a", "b", "c", "d", "e"])).toBeNull();
  });
});
