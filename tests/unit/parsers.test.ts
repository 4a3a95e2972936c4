import { describe, expect, it } from "vitest";
import { parseSpeeches } from "@/lib/ingest/parsers/cppcc-speeches";
import { isCaption, parseReports } from "@/lib/ingest/parsers/npc-reports";
import { chineseNumber, parsePlan } from "@/lib/ingest/parsers/five-year-plan";
import { parseNewsComments, parseNewsProposals } from "@/lib/ingest/parsers/news";
import { parseGeneric } from "@/lib/ingest/parsers/generic";
import { chineseYear, readTargets } from "@/lib/ingest/plan-targets";
import { ParseError } from "@/lib/ingest/types";
import { fixture } from "../support/fixtures";

const HEADER = "^政协北京市大兴区第六届委员会第二次会议大会发言材料之[一二三四五六七八九十]+$";

describe("CPPCC speeches", () => {
  const result = parseSpeeches(fixture("speeches-excerpt.txt"), { runningHeaders: [HEADER] });
  const [first, second] = result.documents;

  it("makes one document per contents entry", () => {
    expect(result.documents.map((d) => d.ordinal)).toEqual([1, 2]);
  });
  it("takes the title as spoken, without stray spaces", () => {
    expect(first!.title).toBe("关于全区文化事业发展建设的几点建议");
    expect(second!.title).toBe("加快科技成果转化，推动科技创新引领区建设");
  });
  it("removes running page headers and joins sentences they cut", () => {
    const all = result.documents.flatMap((d) => d.paragraphs.map((p) => p.text));
    expect(all.some((t) => t.includes("大会发言材料之"))).toBe(false);
    const joined = first!.paragraphs.find((p) => p.text.includes("《北京城市总体规划（2016年-2035年）》"));
    expect(joined).toBeDefined();
    expect(joined!.lineStart).toBeLessThan(joined!.lineEnd);
    expect(first!.paragraphs.some((p) => p.text.startsWith("用。"))).toBe(false);
  });
  it("joins a paragraph broken only by blank lines", () => {
    expect(
      second!.paragraphs.some((p) => p.text.includes("通过调研发现，我区在科技成果转化方面依然存在以下几方面的问题：")),
    ).toBe(true);
  });
  it("reads the speaker, role and affiliation, names without typesetting spaces", () => {
    expect(first!.speakers).toEqual([{ name: "舒勇", role: "区政协常委", affiliation: "中国社会艺术协会副主席" }]);
    expect(second!.speakers[0]).toMatchObject({
      name: "田兴华",
      role: "区政协委员",
      affiliation: "区科委党组成员、副主任",
    });
  });
  it("marks headings and keeps source line ranges", () => {
    const h = first!.paragraphs.filter((p) => p.headingLevel === 1).map((p) => p.text);
    expect(h).toEqual([
      "一、加强文化实体的保护和利用",
      "二、提高公共文化服务水平，加强文旅融合发展",
      "三、加强文化基础设施建设",
    ]);
    for (const p of first!.paragraphs) expect(p.lineEnd).toBeGreaterThanOrEqual(p.lineStart);
  });
  it("names the line when the contents cannot be matched", () => {
    const broken = fixture("speeches-excerpt.txt").replace("加快科技成果转化 推动科技创新引领区建设", "完全不同的标题");
    expect(() => parseSpeeches(broken, { runningHeaders: [HEADER] })).toThrow(ParseError);
  });
});

describe("NPC research reports", () => {
  const result = parseReports(fixture("reports-excerpt.txt"));
  it("finds every report of the contents, with office or author", () => {
    expect(result.documents).toHaveLength(2);
    expect(result.documents[0]!.title).toBe("关于北京市“十四五”规划纲要编制工作若干问题专题调研工作情况的报告");
    expect(result.documents[0]!.subtitle).toBe("——在北京市第十五届人民代表大会常务委员会第二十四次会议上");
    expect(result.documents[0]!.speakers[0]).toMatchObject({
      name: "张伯旭",
      affiliation: "北京市人大常委会财政经济办公室主任",
    });
    expect(result.documents[1]!.authoringOffice).toBe("市人大常委会财政经济办公室");
  });
  it("drops the end mark and photo captions", () => {
    const texts = result.documents.flatMap((d) => d.paragraphs.map((p) => p.text));
    expect(texts.some((t) => t.includes("□"))).toBe(false);
    expect(texts.some((t) => isCaption(t))).toBe(false);
    expect(isCaption("9月23日，市第十五届人大常委会召开第二十四次会议。摄影/薛睿杰")).toBe(true);
  });
  it("reads both kinds of parentheses as level-2 headings", () => {
    const levels = result.documents[1]!.paragraphs.filter((p) => p.headingLevel === 2).map((p) => p.text.slice(0, 3));
    expect(levels).toContain("(一)");
    expect(levels).toContain("（二）");
  });
});

describe("five-year plan", () => {
  const result = parsePlan(fixture("plan-excerpt.txt"), { pastSections: ["站在全新的历史起点"] });
  const plan = result.plan!;
  it("reads the title and metadata, not the web page's breadcrumb", () => {
    expect(plan.title).toBe("北京市大兴区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要");
    expect(plan.metadata["制定机关"]).toBe("大兴区政府");
    expect(plan.metadata["批准"]).toContain("第五届人民代表大会第七次会议批准");
  });
  it("builds the outline with paths", () => {
    expect(plan.nodes.map((n) => n.path).slice(0, 4)).toEqual(["0", "1", "1.1", "1.2"]);
    expect(plan.nodes.find((n) => n.path === "1.4.3")!.title).toBe("主要目标");
    expect(plan.nodes.find((n) => n.path === "2")!.title).toBe("扩大开放,高水平建设临空经济区");
  });
  it("records named but absent figures", () => {
    expect(plan.nodes.find((n) => n.path === "1.4.3")!.figures.map((f) => f.fileName)).toEqual([
      "“十四五”时期经济社会发展主要指标.png",
    ]);
    expect(plan.nodes[0]!.figures[0]!.fileName).toBe("目录.png");
  });
  it("reads the main goals and 2035 objectives as goals, the past period as achievements", () => {
    const mainGoals = plan.nodes.find((n) => n.path === "1.4.3")!.targets;
    const goals = mainGoals.filter((t) => t.kind === "goal");
    expect(goals).toHaveLength(7);
    expect(goals[0]).toMatchObject({ kind: "goal", indicator: "开放发展取得新突破" });
    // The one quantified commitment inside the main goals is a target of its own, due in 2025.
    expect(mainGoals.filter((t) => t.kind === "target")).toEqual([
      expect.objectContaining({
        text: "生物医药基地和新媒体基地跨入千亿级园区行列",
        indicator: "生物医药基地和新媒体基地",
        value: "千亿级",
        valueNumber: 1e11,
        unit: "元",
        year: 2025,
        lineStart: goals[1]!.lineStart,
      }),
    ]);
    expect(plan.nodes.find((n) => n.path === "1.3")!.targets.every((t) => t.kind === "goal" && t.year === 2035)).toBe(
      true,
    );
    const past = plan.nodes.find((n) => n.path === "1.1")!.targets;
    expect(past.length).toBeGreaterThan(5);
    expect(past.every((t) => t.kind === "achievement")).toBe(true);
  });
  it("stops at the web page footer", () => {
    const text = plan.nodes.flatMap((n) => n.paragraphs.map((p) => p.text)).join("");
    expect(text).not.toContain("微信公众号");
    expect(text).not.toContain("京ICP备");
  });
});

describe("plan targets", () => {
  it("reads value, unit, comparator and year", () => {
    expect(readTargets("到2025年,适龄儿童入园率达到99%以上。", "plan")[0]).toMatchObject({
      kind: "target",
      value: "99",
      unit: "%",
      year: 2025,
      comparator: ">=",
    });
    expect(readTargets("城乡建设用地规模控制在319平方公里以内。", "plan")[0]).toMatchObject({
      indicator: "城乡建设用地规模",
      valueNumber: 319,
      unit: "平方公里",
      comparator: "<=",
    });
  });
  it("counts Chinese numerals", () => {
    expect(chineseYear("二〇三五")).toBe(2035);
    expect(chineseNumber("十四")).toBe(14);
    expect(readTargets("打造千亿级生物医药产业集群。", "plan")[0]).toMatchObject({
      indicator: "生物医药产业集群",
      value: "千亿级",
      valueNumber: 1e11,
      unit: "元",
    });
  });
  it("reads every committing clause of a sentence, carrying its deadline", () => {
    const targets = readTargets(
      "持续实施学前教育行动计划,到2025年适龄儿童入园率达到99%以上,普惠性幼儿园覆盖率达到95%以上。",
      "plan",
    );
    expect(targets.map((t) => [t.indicator, t.value, t.year])).toEqual([
      ["适龄儿童入园率", "99", 2025],
      ["普惠性幼儿园覆盖率", "95", 2025],
    ]);
    expect(readTargets("实现公交站点500米覆盖率达到90%。", "plan")[0]).toMatchObject({
      indicator: "公交站点500米覆盖率",
      value: "90",
      unit: "%",
    });
    expect(readTargets("2022年实现国家卫生镇全覆盖,2023年成功创建国家卫生区。", "plan").map((t) => t.year)).toEqual([
      2022, 2023,
    ]);
  });
  it("ignores sentences without a number or deadline", () => {
    expect(readTargets("完善三级养老服务体系。", "plan")).toEqual([]);
  });
});

describe("newspaper pages", () => {
  it("splits a scrambled page into one proposal per member, with headlines found far from their bodies", () => {
    const { documents } = parseNewsProposals(fixture("proposals-news-excerpt.txt"));
    const byName = new Map(documents.map((d) => [d.speakers[0]!.name, d]));
    expect(byName.get("胡立刚")!.title).toBe("加快生物医药产业做强做大");
    expect(byName.get("胡立刚")!.speakers[0]).toMatchObject({
      role: "市政协委员（经济界）",
      affiliation: "国药集团中国生物技术股份有限公司财务总监",
    });
    expect(byName.get("郝臣")!.paragraphs).toHaveLength(5);
    expect(byName.get("王昕")!.title).toBe("建设便捷高效的互联网门诊服务");
    expect(byName.get("余立新")!.title).toBe("构建社区整合式长期失能照护模式");
    // Lines broken every ~18 characters are one paragraph again.
    expect(byName.get("胡立刚")!.paragraphs[0]!.text).toContain("国药集团中国生物技术股份有限公司财务总监胡立刚说");
  });
  it("reads '>> ROLE、POSITION NAME:' comments with their headlines", () => {
    const { documents } = parseNewsComments(fixture("comments-news-excerpt.txt"));
    expect(documents.map((d) => d.speakers[0]!.name)).toEqual(["张旭", "许泽玮", "陈恒华"]);
    expect(documents[0]).toMatchObject({ title: "在京高校、国家实验室及企业要加强协同" });
    expect(documents[0]!.paragraphs.some((p) => p.text.includes("演化出新的业态。"))).toBe(true);
    expect(documents.every((d) => !d.paragraphs.some((p) => p.text.includes("代表委员热议")))).toBe(true);
  });
});

describe("generic format", () => {
  it("reads front matter, speakers and markdown headings", () => {
    const { documents } = parseGeneric(fixture("generic-sample.txt"));
    expect(documents).toHaveLength(2);
    expect(documents[0]).toMatchObject({ kind: "proposal", title: "关于加强社区养老服务的建议" });
    expect(documents[0]!.speakers).toEqual([
      { name: "王五", role: "区政协委员", affiliation: "某街道社区卫生服务中心主任" },
    ]);
    expect(documents[0]!.paragraphs[0]).toMatchObject({ text: "一、现状", headingLevel: 1 });
    expect(documents[0]!.paragraphs[1]!.text).toBe("社区养老服务需求日益增长，但供给不足，服务质量参差不齐。");
    expect(documents[1]).toMatchObject({ kind: "report", authoringOffice: "区人大常委会财政经济办公室" });
  });
  it("rejects bad front matter with the line", () => {
    expect(() => parseGeneric("---\nkind: memo\ntitle: x\n---\ntext")).toThrow(/line 1/);
  });
});
