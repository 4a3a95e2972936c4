import { describe, expect, it } from "vitest";
import { collapseCjkSpaces, enumeratorLevel, headingLevel, joinBrokenParagraphs, titleKey } from "@/lib/ingest/text";

describe("collapseCjkSpaces", () => {
  it("removes letter-spacing inside Chinese words", () => {
    expect(collapseCjkSpaces("在文 明 互 鉴 中 增 强 北 京 的 文 化 软 实力")).toBe("在文明互鉴中增强北京的文化软实力");
  });
  it("removes typesetting spaces next to digits", () => {
    expect(collapseCjkSpaces("2023年 12月召开，全长 118公里，16 位委员")).toBe("2023年12月召开，全长118公里，16位委员");
  });
  it("keeps a space between two phrases of a slogan", () => {
    expect(collapseCjkSpaces("补短板 解难题 政协委员心系群众事")).toBe("补短板 解难题 政协委员心系群众事");
  });
  it("keeps extraction artefacts rather than guessing (“and” for 和)", () => {
    expect(collapseCjkSpaces("三山五园地区 and 三条文化带")).toBe("三山五园地区and三条文化带");
  });
});

describe("headings", () => {
  it("reads full-width and half-width parentheses alike", () => {
    expect(headingLevel("(一) “十二五”时期与“十一五”时期指标的变化情况")).toBe(2);
    expect(headingLevel("（二）“十三五”时期与“十二五”时期指标的变化")).toBe(2);
    expect(headingLevel("一、加强文化实体的保护和利用")).toBe(1);
    expect(headingLevel("1. 自主创新能力不强")).toBe(3);
    expect(headingLevel("（1）创新创业生态")).toBe(4);
  });
  it("does not take an enumerated sentence for a heading", () => {
    const sentence = "1. “十二五”指标较“十一五”指标新增或调整优化3项：最终消费率、年技术交易额。";
    expect(enumeratorLevel(sentence)).toBe(3);
    expect(headingLevel(sentence)).toBeNull();
    expect(headingLevel("2020年是全面建成小康社会")).toBeNull();
  });
});

describe("joinBrokenParagraphs", () => {
  const p = (text: string, line: number) => ({
    text,
    headingLevel: headingLevel(text),
    lineStart: line,
    lineEnd: line,
  });
  it("joins a sentence cut by a page break", () => {
    const out = joinBrokenParagraphs([p("一是积极探索文化遗产保护和活化利", 71), p("用。推动工作思路转变。", 78)]);
    expect(out).toEqual([
      {
        text: "一是积极探索文化遗产保护和活化利用。推动工作思路转变。",
        headingLevel: null,
        lineStart: 71,
        lineEnd: 78,
      },
    ]);
  });
  it("does not join into a heading or a new enumerated item", () => {
    const unfinished: number[] = [];
    const out = joinBrokenParagraphs(
      [
        p("二是人员短缺问题仍会在一定时期内", 10),
        p("三是部分村卫生室服务功能发挥不显著。", 12),
        p("一、持续推进标准化建设", 14),
      ],
      (x) => unfinished.push(x.lineStart),
    );
    expect(out).toHaveLength(3);
    expect(unfinished).toEqual([10]);
  });
});

describe("titles", () => {
  it("compares titles regardless of stray spaces and punctuation", () => {
    expect(titleKey("关于全区文化事业 发展建设的几点建议")).toBe(titleKey("关于全区文化事业发展建设的几点建议"));
  });
});
