import { describe, expect, it } from "vitest";
import { chineseNumeral, readTargets } from "@/lib/ingest/plan-targets";

/** The fields that say what a commitment is, without its text and line. */
const quantity = (t: ReturnType<typeof readTargets>[number]) => ({
  kind: t.kind,
  indicator: t.indicator,
  value: t.value,
  valueNumber: t.valueNumber,
  unit: t.unit,
  comparator: t.comparator,
});

describe("Chinese numerals", () => {
  it("reads numerals with magnitude words", () => {
    expect(chineseNumeral("千亿")).toBe(1e11);
    expect(chineseNumeral("百亿")).toBe(1e10);
    expect(chineseNumeral("十亿")).toBe(1e9);
    expect(chineseNumeral("万亿")).toBe(1e12);
    expect(chineseNumeral("百万")).toBe(1e6);
    expect(chineseNumeral("两万")).toBe(2e4);
    expect(chineseNumeral("一百二十万")).toBe(1_200_000);
    expect(chineseNumeral("三千零五")).toBe(3005);
    expect(chineseNumeral("十四")).toBe(14);
    expect(chineseNumeral("九十九")).toBe(99);
    expect(chineseNumeral("1.5万")).toBe(15_000);
  });
  it("rejects what is not a numeral", () => {
    expect(chineseNumeral("")).toBeNull();
    expect(chineseNumeral("新城")).toBeNull();
    expect(chineseNumeral("亿亿")).toBeNull();
  });
});

// Every sentence below is quoted from data/corpus/daxing-14th-five-year-plan.txt (line in the comment).
describe("magnitude commitments of the plan", () => {
  it("reads 千亿级 (a park entering the hundred-billion class) as a target in yuan", () => {
    // L80, a main goal (主要目标) of 产业发展迈上大台阶
    const targets = readTargets(
      "建成临空经济区起步区和综保区,生物医药基地和新媒体基地跨入千亿级园区行列,北京中日创新合作示范区建设取得明显成效,成为国际消费中心城市重要节点,农业现代化示范区有效推进,经济体量实现大幅跃升。",
      "plan",
    );
    expect(targets.map(quantity)).toEqual([
      {
        kind: "target",
        indicator: "生物医药基地和新媒体基地",
        value: "千亿级",
        valueNumber: 1e11,
        unit: "元",
        comparator: ">=",
      },
    ]);
    expect(targets[0]!.text).toBe("生物医药基地和新媒体基地跨入千亿级园区行列");
  });

  it("reads 百亿级 and 十亿级 firms as two targets, and 一企一策 as no quantity", () => {
    // L237
    const targets = readTargets(
      "坚持一企一策,做强优势企业,培育百亿级规模的龙头企业,壮大十亿级规模的骨干企业,促进国有企业稳步发展。",
      "plan",
    );
    expect(targets.map(quantity)).toEqual([
      { kind: "target", indicator: "龙头企业", value: "百亿级", valueNumber: 1e10, unit: "元", comparator: ">=" },
      { kind: "target", indicator: "骨干企业", value: "十亿级", valueNumber: 1e9, unit: "元", comparator: ">=" },
    ]);
    expect(targets.map((t) => t.text)).toEqual(["培育百亿级规模的龙头企业", "壮大十亿级规模的骨干企业"]);
  });

  it("reads the broadband tiers 百兆 / 千兆 / 万兆 as three targets in Mbps, and 千兆固网 as a name", () => {
    // L433
    const targets = readTargets(
      "积极推进千兆固网接入网络建设,实现用户体验过百兆、家庭接入超千兆、企业商用达万兆的目标。",
      "plan",
    );
    expect(targets.map(quantity)).toEqual([
      { kind: "target", indicator: "用户体验", value: "百兆", valueNumber: 100, unit: "Mbps", comparator: ">=" },
      { kind: "target", indicator: "家庭接入", value: "千兆", valueNumber: 1000, unit: "Mbps", comparator: ">=" },
      { kind: "target", indicator: "企业商用", value: "万兆", valueNumber: 10000, unit: "Mbps", comparator: "=" },
    ]);
    // Each target's text is a piece of the sentence, so the page can still find and tint it.
    for (const t of targets)
      expect("积极推进千兆固网接入网络建设,实现用户体验过百兆、家庭接入超千兆、企业商用达万兆的目标。").toContain(
        t.text,
      );
  });

  it("reads 千亿元 and 百万亩 with the value in base units", () => {
    // L181
    expect(
      readTargets(
        "紧抓健康中国战略实施和医药健康产业链加速整合机遇,加快生物医药基地扩区实施,完成起步区开发建设,建成创新中心、医疗器械园二期等产业空间,促进科兴中维新建项目、沃森生物等一批重大项目投产见效,构建产学研服生态闭环,培育千亿元生物医药产业集群,建设具有国际影响力的中国药谷。",
        "plan",
      ).map(quantity),
    ).toEqual([
      {
        kind: "target",
        indicator: "生物医药产业集群",
        value: "千亿元",
        valueNumber: 1e11,
        unit: "元",
        comparator: null,
      },
    ]);
    // L541
    expect(
      readTargets(
        "围绕“一轴一心一环两带”的绿色空间结构,完成新一轮百万亩造林绿化工程,不断拓展绿色生态空间,提升森林质量。",
        "plan",
      ).map(quantity),
    ).toEqual([
      { kind: "target", indicator: "造林绿化工程", value: "百万亩", valueNumber: 1e6, unit: "亩", comparator: "=" },
    ]);
  });

  it("keeps a dated commitment without a quantity, and 5G is not a quantity", () => {
    // L433
    const targets = readTargets(
      "强化无线网络服务能力,实施5G基础设施建设工程,大兴机场和临空经济区等重点区域2022年实现室外连续覆盖、室内精准覆盖,新城地区2025年实现5G信号全覆盖。",
      "plan",
    );
    expect(targets.map((t) => [t.value, t.unit, t.year])).toEqual([
      [null, null, 2022],
      [null, null, 2025],
    ]);
  });
});

describe("the past period stays achievements", () => {
  it("reads the figures of 站在全新的历史起点 as achievements, never targets", () => {
    // L40
    const past = readTargets(
      "累计完成固定资产投资4200亿元左右,一般公共预算收入年均增长超过9%,新增国家级高新技术企业405家。",
      "past",
    );
    expect(past.map((t) => [t.kind, t.value, t.unit, t.year])).toEqual([
      ["achievement", "4200", "亿元", null],
      ["achievement", "9", "%", null],
      ["achievement", "405", "家", null],
    ]);
  });
  it("reads a magnitude in the past period as an achievement", () => {
    // L80's clause, read as if it stood in the past period: the mode, not the wording, decides.
    expect(readTargets("生物医药基地和新媒体基地跨入千亿级园区行列。", "past").map(quantity)).toEqual([
      {
        kind: "achievement",
        indicator: "生物医药基地和新媒体基地",
        value: "千亿级",
        valueNumber: 1e11,
        unit: "元",
        comparator: ">=",
      },
    ]);
  });
  it("labels an achievement by what it counts, not by the verb before the figure", () => {
    // L38, L40, L46, L44: "发布 120条", "建设 4个" said nothing; the counted thing does.
    const label = (sentence: string) => readTargets(sentence, "past").map((t) => [t.indicator, t.value, t.unit]);
    expect(label("发布120条自贸区制度创新清单。")).toEqual([["自贸区制度创新清单", "120", "条"]]);
    expect(label("建设4个院士专家工作站、23个博士后工作站,输出技术合同成交额年均增速49%。")).toEqual([
      ["院士专家工作站", "4", "个"],
      ["输出技术合同成交额年均增速", "49", "%"],
    ]);
    expect(label("狼垡城市森林公园、南海子公园二期等22个高品质公园建成开园。")).toEqual([["高品质公园", "22", "个"]]);
    expect(label("PM2.5浓度由2015年的96微克/立方米降至37微克/立方米。")).toEqual([["PM2.5浓度", "37", "微克/立方米"]]);
    expect(label("新增及在建燃气管线65.5公里。")).toEqual([["新增及在建燃气管线", "65.5", "公里"]]);
    expect(label("医疗卫生机构、养老服务机构分别增至823家、178家。")[0]).toEqual([
      "医疗卫生机构、养老服务机构",
      "823",
      "家",
    ]);
    // Nothing names what 155公顷 measures within the clause: no label, and a reader sees the clause.
    expect(label("农村集体经营性建设用地改革试点圆满收官,累计入市155公顷。")).toEqual([[null, "155", "公顷"]]);
  });
  it("does not read the 24-hour book room of the past period as a figure", () => {
    // L46
    expect(readTargets("设立全市首家24小时城市书房,建成新城北区体育中心、冰壶馆等体育设施。", "past")).toEqual([]);
  });
});

describe("names are not quantities", () => {
  it.each([
    ["完善三级养老服务体系。"],
    // L46, in plan mode too
    ["设立全市首家24小时城市书房,建成新城北区体育中心、冰壶馆等体育设施。"],
    // L113
    ["优化口岸免税店布局,提供24小时活力空间。"],
    [
      "建立国际人才创新创业支撑和服务体系,设立外籍人才服务大厅,提供与国际环境相匹配的配套设施,实施国际人才及其配偶子女永居、国际权威职业认证资质与国内相应专业职称的转换认定、144小时过境免签等政策,建设国际高端人才高地。",
    ],
    // L223
    [
      "支持线上线下融合消费,完善便民网点布局,推进现代化综合市场建设,推广“无接触”配送,合理布局集超市、理发店、洗衣店、药店、末端配送点等功能于一体的一站式便民服务综合体,配置线下无人超市、智能售货机、快递机器人等智慧服务终端,打造“24小时响应”的便民服务体系。",
    ],
    // L145
    ["高标准高质量建设自贸区,落实“三个更好一点”要求,聚焦科技创新、服务业开放、数字经济,加强政策集成和体制机制创新。"],
    // L229
    [
      "持续推动“放管服”改革,进一步精简行政审批事项,实施涉企许可事项清单管理,推行“容缺办理”“承诺制办理”等机制,大力推广全程网办、移动端办理,推进“秒批”“秒办”,打通政务服务“最后一公里”,提高政务服务智能化便利化水平。",
    ],
    // L369
    [
      "以机制创新为抓手,深化农村土地三项制度改革,有效化解土地成本高企等突出难题,激活农村土地资源资产潜能,构建城乡融合的政策体系,为城乡一体化建设注入新动能。",
    ],
    // L401
    [
      "增强三座新城、重点产业园区之间的道路联系,建成芦西路等城市快速路,拓宽提级京良路、大礼路等主干路,推动东环路二期、芦东路、庞安路等道路建设,建设百合巷、紫竹街、新志路等支路,打通兴华大街南延等节点,畅通道路微循环。",
    ],
    // L499
    ["挖掘三条文化带内涵,永定河生态文化带突出生态特色,建设永定河文化基地,打造“百里生态画卷”;"],
  ])("%s", (sentence) => {
    // A clause may still be a dated commitment; what matters is that no name became a value.
    expect(readTargets(sentence, "plan").filter((t) => t.value !== null)).toEqual([]);
  });
});

// Not in this plan's text, but the same way of writing: other plans of the corpus will use them.
describe("other magnitude wordings", () => {
  it("reads a count of magnitude-class things by its class", () => {
    expect(readTargets("打造两个千亿级产业集群。", "plan").map(quantity)).toEqual([
      { kind: "target", indicator: "产业集群", value: "千亿级", valueNumber: 1e11, unit: "元", comparator: ">=" },
    ]);
  });
  it("reads Chinese numerals with 万 before a unit", () => {
    expect(
      readTargets("到2025年,新增就业岗位两万个,吸纳就业五万人。", "plan").map((t) => [
        t.value,
        t.valueNumber,
        t.unit,
        t.year,
      ]),
    ).toEqual([
      ["两万个", 20000, "个", 2025],
      ["五万人", 50000, "人", 2025],
    ]);
  });
});
