import { describe, expect, it } from "vitest";
import { findRanges, snippet, toLayeredRuns, toRuns } from "@/lib/search/highlight";
import { ndcgAt, recallAt } from "@/lib/search/metrics";
import { normalizeText, normalizeWithMap } from "@/lib/search/normalize";
import { highlightNeedles, needlesForQuery, parseQuery, tsqueryFor } from "@/lib/search/query";
import { indexTokens, queryTokens } from "@/lib/search/segment";
import { hitsToCsv } from "@/lib/search/export";
import { withHighlight } from "@/lib/urls";
import { withoutImplied } from "@/lib/search/sql";
import { sharedBuffersMb } from "@/lib/infra/embedded-postgres";

describe("normalisation", () => {
  it("folds full-width forms, traditional characters, case and spaces between Chinese", () => {
    expect(normalizeText("ＡＢＣ１２３")).toBe("abc123");
    expect(normalizeText("臺灣經濟發展與碳達峰")).toBe("台湾经济发展与碳达峰");
    expect(normalizeText("京津 冀")).toBe("京津冀");
    expect(normalizeText("5G  Network")).toBe("5g network");
  });
  it("maps every normalised character back to the original", () => {
    const original = "推动“５Ｇ”赋能 发展";
    const { text, map } = normalizeWithMap(original);
    const at = text.indexOf("5g");
    expect(original.slice(map[at], map[at + 2])).toBe("５Ｇ");
  });
});

describe("segmentation with the project dictionary", () => {
  it("keeps policy terms whole and indexes their parts", () => {
    expect(queryTokens("临空经济区")).toEqual(["临空经济区"]);
    expect(queryTokens("疏整促")).toEqual(["疏整促"]);
    expect(indexTokens("新国门建设")).toEqual(expect.arrayContaining(["新国门", "建设"]));
  });
  it("drops question words", () => {
    expect(queryTokens("怎样降低企业用工成本")).toEqual(["降低", "企业", "用工成本"]);
  });
});

describe("query parsing", () => {
  it("reads words, phrases, exclusions and OR", () => {
    const q = parseQuery('京津冀 "国际消费中心" -新国门 冬奥 OR 奥运');
    expect(q.clauses.map((c) => c.map((t) => t.norm))).toEqual([["京津冀"], ["国际消费中心"], ["冬奥", "奥运"]]);
    expect(q.clauses[1]![0]!.phrase).toBe(true);
    expect(q.excludes.map((t) => t.norm)).toEqual(["新国门"]);
  });
  it("expands synonyms", () => {
    expect(parseQuery("两区").clauses[0]![0]!.synonyms.map((s) => s.norm)).toContain("自由贸易试验区");
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
  it("highlights terms, their words and synonyms", () => {
    expect(highlightNeedles(parseQuery("京津冀产业"))).toEqual(
      expect.arrayContaining(["京津冀产业", "京津冀", "产业"]),
    );
  });
});

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
  it("marks a reading page with the words of the search that led there", () => {
    expect(needlesForQuery(undefined)).toEqual([]);
    expect(needlesForQuery("碳达峰 -煤炭")).toContain("碳达峰");
    expect(needlesForQuery("碳达峰 -煤炭")).not.toContain("煤炭");
    expect(needlesForQuery("疏整促")).toContain("疏解整治促提升");
    expect(withHighlight("/speeches/a-1#p-5", "京津冀 产业")).toBe(
      "/speeches/a-1?hl=%E4%BA%AC%E6%B4%A5%E5%86%80%20%E4%BA%A7%E4%B8%9A#p-5",
    );
    expect(withHighlight("/plan/3", "水")).toBe("/plan/3?hl=%E6%B0%B4");
  });
});

describe("metrics and export", () => {
  it("computes nDCG and recall, crediting a judged plan node once", () => {
    const judged = { a: 3, "plan:3.2": 2 };
    expect(ndcgAt(["a", "plan:3.2.1", "plan:3.2.2"], judged)).toBeCloseTo(1);
    expect(recallAt(["x", "plan:3.2.1"], judged)).toBe(0.5);
  });
  it("writes CSV that spreadsheets read safely", () => {
    const csv = hitsToCsv(
      [
        {
          kind: "speech",
          title: '=HYPERLINK("x")',
          url: "/s/1",
          passages: [{ url: "/s/1#p-2" }],
          score: 1,
          matches: [{ kind: "synonym", term: "碳", synonym: "碳排放" }],
          snippet: { text: "a,b" },
        },
      ],
      "http://h",
      (m) => `${m.term}/${m.kind}`,
    );
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('"a,b"');
    expect(csv.split("\r\n")[1]).toBe(`1,speech,"'=HYPERLINK(""x"")",http://h/s/1,http://h/s/1#p-2,1,碳/synonym,"a,b"`);
  });
});

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

describe("embedded server settings", () => {
  it("gives shared buffers an eighth of memory, between 128 MB and 1 GB", () => {
    expect(sharedBuffersMb(512 * 1024 ** 2)).toBe(128);
    expect(sharedBuffersMb(4 * 1024 ** 3)).toBe(512);
    expect(sharedBuffersMb(24 * 1024 ** 3)).toBe(1024);
  });
});
