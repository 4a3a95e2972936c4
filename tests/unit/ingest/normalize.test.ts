import { describe, expect, it } from "vitest";
import { displayText, isEmptyValue, normalizeRole, normalizeTitle } from "@/lib/ingest/normalize";
import { parseSource } from "@/lib/ingest/parse-source";
import type { SourceEntry } from "@/lib/ingest/manifest";
import { fixture } from "../../support/fixtures";

const entry = (format: SourceEntry["format"], options: Record<string, unknown> = {}) =>
  ({ id: "x", file: "x.txt", format, title: "t", body: "b", level: "district", date: "2023", options }) as SourceEntry;

describe("displayText: ASCII punctuation in Chinese text", () => {
  it("turns commas, colons and semicolons next to Chinese full-width (the plan's chapter titles)", () => {
    expect(displayText("人民至上,着力顺应民生新期盼")).toBe("人民至上，着力顺应民生新期盼");
    expect(displayText("预测依据如下:数据显示,2008-2020,北京市的科普Malmquist指数")).toBe(
      "预测依据如下：数据显示，2008-2020，北京市的科普Malmquist指数",
    );
    expect(displayText("研制新冠疫苗;新媒体基地加快转型升级")).toBe("研制新冠疫苗；新媒体基地加快转型升级");
    expect(displayText("展的有力抓手?听听代表委员怎么说")).toBe("展的有力抓手？听听代表委员怎么说");
  });
  it("keeps them in numbers and in Latin text", () => {
    expect(displayText("按照中央和地方6:4分成，师生比严格按照1:10")).toBe("按照中央和地方6:4分成，师生比严格按照1:10");
    expect(displayText("投资1,000亿元")).toBe("投资1,000亿元");
    expect(displayText("单位根检验和JJ(Johanson and Juselius, 1990)协整检验")).toBe(
      "单位根检验和JJ(Johanson and Juselius, 1990)协整检验",
    );
    expect(displayText("满足 $|\\rho| < 1$, ε_t为白噪声")).toBe("满足 $|\\rho| < 1$, ε_t为白噪声");
  });
  it("drops the spaces around a mark it widens", () => {
    expect(displayText("城市总体规划（2016年—2035年）》, 本市提出")).toBe("城市总体规划（2016年—2035年）》，本市提出");
  });
  it("turns parentheses in Chinese text full-width, not those of a formula", () => {
    expect(
      displayText("与《北京城市总体规划(2016年-2035年)》《大兴分区规划(国土空间规划)(2017年-2035年)》紧密衔接"),
    ).toBe("与《北京城市总体规划（2016年-2035年）》《大兴分区规划（国土空间规划）（2017年-2035年）》紧密衔接");
    expect(displayText("从而借助状态空间模型(state space model)利用极大似然估计")).toBe(
      "从而借助状态空间模型（state space model）利用极大似然估计",
    );
    expect(displayText("遵循一阶自回归即AR(1)过程")).toBe("遵循一阶自回归即AR(1)过程");
  });
  it("leaves no stray space after an enumerator", () => {
    expect(displayText("(一) 建立心理健康工作保障机制")).toBe("（一）建立心理健康工作保障机制");
    expect(displayText("（一） 关于教育事业发展的指导思想")).toBe("（一）关于教育事业发展的指导思想");
    expect(displayText("一、 站在全新的历史起点")).toBe("一、站在全新的历史起点");
    expect(displayText("1. 要提高政治站位。")).toBe("1.要提高政治站位。");
    expect(displayText("1) 科技型中小企业")).toBe("1）科技型中小企业");
    expect(displayText("2. GDP growth")).toBe("2. GDP growth");
  });
  it("is idempotent", () => {
    for (const s of ["人民至上,着力", "(一) 建立", "大兴分区规划(国土空间规划)(2017年-2035年)", "6:4分成, 1,000"])
      expect(displayText(displayText(s))).toBe(displayText(s));
  });
});

describe("roles, titles and empty fields", () => {
  it("writes a member's sector without nesting parentheses", () => {
    expect(normalizeRole("市政协委员（经济界）")).toBe("市政协委员·经济界");
    expect(normalizeRole("市政协委员(农工党界)")).toBe("市政协委员·农工党界");
    expect(normalizeRole("区政协常委")).toBe("区政协常委");
  });
  it("puts a title in one form: no enclosing marks or quotes, no closing punctuation", () => {
    for (const t of [
      "关于加强社区养老服务的建议",
      "《关于加强社区养老服务的建议》",
      "“关于加强社区养老服务的建议”。",
      "关于加强社区养老服务的建议。",
      " 关于加强社区养老服务的建议; ",
    ])
      expect(normalizeTitle(t)).toBe("关于加强社区养老服务的建议");
    expect(normalizeTitle("关于落实《条例》与《办法》的建议")).toBe("关于落实《条例》与《办法》的建议");
    expect(normalizeTitle("如何利用数字科技赋能北京乡村振兴？")).toBe("如何利用数字科技赋能北京乡村振兴？");
    expect(normalizeTitle("人才是教育的产物,科技是人才创造的成果")).toBe("人才是教育的产物，科技是人才创造的成果");
  });
  it("knows an empty field when it sees one", () => {
    expect(isEmptyValue("〔〕")).toBe(true);
    expect(isEmptyValue("国发〔2019〕11号")).toBe(false);
  });
});

describe("parsed sources as readers see them", () => {
  it("keeps the source lines as printed: only the parsed text is normalised", () => {
    const text = fixture("reports-excerpt.txt");
    const lines = text.split("\n");
    const report = parseSource(entry("npc-reports"), text).documents[1]!;
    const heading = report.paragraphs.find((p) => p.text.startsWith("（一）“十二五”"))!;
    expect(lines[heading.lineStart - 1]).toBe("(一) “十二五”时期与“十一五”时期指标的变化情况");
    expect(heading.text).toBe("（一）“十二五”时期与“十一五”时期指标的变化情况");
  });

  it("plan: full-width punctuation in titles and text, the empty 发文字号 dropped", () => {
    const plan = parseSource(
      entry("five-year-plan", { pastSections: ["站在全新的历史起点"] }),
      fixture("plan-excerpt.txt"),
    ).plan!;
    expect(plan.metadata).not.toHaveProperty("发文字号");
    expect(plan.metadata["制定机关"]).toBe("大兴区政府");
    expect(plan.nodes.find((n) => n.path === "2")!.title).toBe("扩大开放，高水平建设临空经济区");
    expect(plan.nodes.find((n) => n.path === "1.4.3")).toMatchObject({ number: "（三）", title: "主要目标" });
    const preface = plan.nodes[0]!.paragraphs[1]!.text;
    expect(preface).toContain("与《北京城市总体规划（2016年-2035年）》");
    expect(preface).not.toMatch(/[,;:]/u);
    // Targets are cut from the text as shown, so a reader's highlight finds them.
    for (const node of plan.nodes)
      for (const t of node.targets) expect(node.paragraphs[t.paragraphN! - 1]!.text).toContain(t.text);
  });

  it("proposals: a title the page did not print reads like one it did, the sector in the role", () => {
    const [first, second] = parseSource(entry("news-proposals"), fixture("proposals-untitled-excerpt.txt")).documents;
    expect(first!.title).toBe("完善乡村“救在身边”政策体系");
    expect(first!.speakers[0]).toEqual({
      name: "韩秀娟",
      role: "市政协委员·农工党界",
      affiliation: "北京丰台医院副院长",
    });
    expect(second!.title).toBe("培育一批乡村数字经济富民产业");
  });

  it("generic documents: titles in one form whatever marks the author used", () => {
    const doc = (title: string) => `---\nkind: proposal\ntitle: ${title}\nspeaker: 王五 | 区政协委员 |\n---\n正文。\n`;
    const titles = parseSource(
      entry("generic"),
      ["《关于加强社区养老服务的建议》", "关于加强社区养老服务的建议。"].map(doc).join("\n"),
    ).documents.map((d) => d.title);
    expect(titles).toEqual(["关于加强社区养老服务的建议", "关于加强社区养老服务的建议"]);
  });
});
