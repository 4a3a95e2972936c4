import { describe, expect, it } from "vitest";
import { parseSource } from "@/lib/ingest/parse-source";
import type { SourceEntry } from "@/lib/ingest/manifest";
import { demoteRunInItems, headingLevel } from "@/lib/ingest/text";
import { isHeadingContinuation } from "@/lib/ingest/parsers/npc-reports";
import { fixture } from "../../support/fixtures";

const entry = {
  id: "x",
  file: "x.txt",
  format: "npc-reports",
  title: "t",
  body: "b",
  level: "municipal",
  date: "2020",
} as SourceEntry;

describe("NPC report headings", () => {
  it("NPC reports: a heading is not run into the body, a sentence is not split across it", () => {
    const text = fixture("reports-headings-excerpt.txt");
    const [indicators, industry, science] = parseSource(entry, text).documents;
    const second = indicators!.paragraphs.findIndex((p) => p.text.startsWith("二、"));
    expect(indicators!.paragraphs[second]).toMatchObject({
      text: "二、结合高质量发展的要求，可以对“十三五”指标体系进行调整优化",
      headingLevel: 1,
    });
    expect(indicators!.paragraphs[second + 1]).toMatchObject({
      text: "高质量发展是2017年中国共产党第十九次全国代表大会首次提出的新表述，表明中国经济由高速增长阶段转向高质量发展阶段。",
      headingLevel: null,
      lineStart: 27,
      lineEnd: 29,
    });
    // The same page break after a heading, and a heading that really is wrapped, in one report.
    const headings = industry!.paragraphs.filter((p) => p.headingLevel !== null).map((p) => p.text);
    expect(headings).toContain("（四）掌握高精尖技术的创业创新企业得不到良好的生存环境以及充足的发展空间");
    expect(headings).toContain("（一）建立完善政策法规鼓励高精尖技术突破及科研成果转化");
    expect(
      industry!.paragraphs.some((p) => p.text.startsWith("组织产业链整体力量对具备全球领先性的高精尖技术开展攻关")),
    ).toBe(true);
    // Numbered items of running text, the first cut by a page break: one list of body paragraphs.
    expect(science!.paragraphs.map((p) => [p.headingLevel, p.text.slice(0, 12)])).toEqual([
      [null, "人员在科技创新中得到合理"],
      [1, "三、委员、代表提出的意见"],
      [2, "（一）关于破解推动科创中"],
      [null, "1.要进一步加强科创中心"],
      [null, "2.要加强统筹规划，提倡"],
      [null, "3.要进一步加强北京在推"],
    ]);
    expect(science!.paragraphs[3]!.text).toContain(
      "主阵地与城市副中心三者在全国科技创新中心建设中的各自定位和不同作用。",
    );
  });

  it("drops the space where the typesetting wrapped a heading, as in titles", () => {
    const education = parseSource(entry, fixture("reports-headings-excerpt.txt")).documents[3]!;
    expect(education.title).toBe("关于北京市“十四五”时期我市教育改革和发展规划的调研报告");
    expect(education.paragraphs.find((p) => p.headingLevel === 1)!.text).toBe("一、“十三五”期间本市教育事业发展情况");
  });

  it("tells a wrapped heading from the first body line after it", () => {
    // L527/L529 and L1330/L1332: one heading each.
    expect(isHeadingContinuation("（四）掌握高精尖技术的创业创新企业得", "不到良好的生存环境以及充足的发展空间")).toBe(
      true,
    );
    expect(isHeadingContinuation("（一）关于教育事业发展的指导", "思想")).toBe(true);
    // L177/L179, L836/L838, L2249/L2251: a heading, then a body line cut from its paragraph.
    expect(
      isHeadingContinuation("三、对做好本市“十四五”规划编制工作的意见建议", "编制北京市“十四五”规划，要坚持以习近平"),
    ).toBe(false);
    expect(isHeadingContinuation("（三）强化关键核心技术突破", "开发区要充分发挥DRAM生产线及存储")).toBe(false);
    expect(isHeadingContinuation("一、“十三五”时期本市安全生产工作基本情况", "安全生产是关系人民群众生命财")).toBe(
      false,
    );
  });

  it("reads an item holding a finished sentence as running text (L1922)", () => {
    const p = (text: string, n: number) => ({ text, headingLevel: headingLevel(text), lineStart: n, lineEnd: n });
    const items = [
      p("（4）做好中华优秀传统文化传播。加强全国“文化中心”功能建设，拓展宣传渠道，提升北京文化认同感。", 1920),
      p("（5）推动首都国际语言环境建设。全面贯", 1922),
      p("彻实施《北京市公共场所外语使用管理规定》，推动各行业主管部门、各基层单位进一步明确职责。", 1924),
    ];
    expect(items[1]!.headingLevel).toBe(4);
    expect(demoteRunInItems(items).map((x) => x.headingLevel)).toEqual([null, null, null]);
  });
});
