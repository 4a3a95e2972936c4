import { describe, expect, it } from "vitest";
import {
  accessDate,
  documentCitationSource,
  formatGbt7714,
  formatPlain,
  planCitationSource,
  zhDate,
} from "@/lib/citation";

const speech = documentCitationSource({
  kind: "speech",
  title: "关于全区文化事业发展建设的几点建议",
  authoringOffice: null,
  speakers: [{ name: "舒勇" }],
  date: "2023",
  source: { body: "政协北京市大兴区第六届委员会第二次会议" },
});

describe("GB/T 7714-2015 electronic resource citations", () => {
  it("cites a paragraph of a speech: speaker, title[EB/OL], publisher, year: paragraph[access date], URL", () => {
    expect(
      formatGbt7714(speech, {
        paragraph: 10,
        url: "https://policy.example.org/speeches/daxing-cppcc-2023-speeches-02#p-10",
        accessed: "2026-12-01",
      }),
    ).toBe(
      "舒勇. 关于全区文化事业发展建设的几点建议[EB/OL]. 政协北京市大兴区第六届委员会第二次会议, 2023: 第10段[2026-12-01]. https://policy.example.org/speeches/daxing-cppcc-2023-speeches-02#p-10.",
    );
  });

  it("cites a whole document without a paragraph and with the URL as given", () => {
    const text = formatGbt7714(speech, { url: "https://x.org/speeches/a", accessed: "2026-01-05" });
    expect(text).toBe(
      "舒勇. 关于全区文化事业发展建设的几点建议[EB/OL]. 政协北京市大兴区第六届委员会第二次会议, 2023[2026-01-05]. https://x.org/speeches/a.",
    );
  });

  it("lists three authors, then 等", () => {
    const source = { ...speech, authors: ["甲", "乙", "丙", "丁"] };
    expect(formatGbt7714(source, { url: "u", accessed: "2026-12-01" })).toMatch(/^甲, 乙, 丙, 等\. /);
    expect(formatGbt7714({ ...speech, authors: ["甲", "乙"] }, { url: "u", accessed: "2026-12-01" })).toMatch(
      /^甲, 乙\. /,
    );
  });

  it("uses the authoring office for a report, even when the report names people", () => {
    const report = documentCitationSource({
      kind: "report",
      title: "关于北京市“十四五”时期公共财政发展的调研报告",
      authoringOffice: "市人大常委会预算工作委员会",
      speakers: [{ name: "某人" }],
      date: "2020-09",
      source: { body: "北京市人大常委会" },
    });
    expect(report.authors).toEqual(["市人大常委会预算工作委员会"]);
    expect(formatGbt7714(report, { paragraph: 3, url: "https://x.org/reports/r#p-3", accessed: "2026-12-01" })).toBe(
      "市人大常委会预算工作委员会. 关于北京市“十四五”时期公共财政发展的调研报告[EB/OL]. 北京市人大常委会, 2020-09: 第3段[2026-12-01]. https://x.org/reports/r#p-3.",
    );
  });

  it("uses all the speakers of a proposal, and the source's body when a document names nobody", () => {
    const input = {
      kind: "proposal",
      title: "t",
      authoringOffice: null,
      speakers: [{ name: "王五" }, { name: "赵六" }],
      date: "2024-01",
      source: { body: "政协北京市第十四届委员会第二次会议" },
    };
    expect(documentCitationSource(input).authors).toEqual(["王五", "赵六"]);
    expect(documentCitationSource({ ...input, speakers: [] }).authors).toEqual(["政协北京市第十四届委员会第二次会议"]);
  });

  it("cites a plan node as a part of the plan, issued by the district government on its publication day", () => {
    const source = planCitationSource(
      {
        title: "北京市大兴区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要",
        metadata: { 制定机关: "大兴区政府", 发布时间: "2021-04-22" },
        source: { body: "北京市大兴区人民政府", date: "2021-01-08" },
      },
      "第三章 建设国家发展新的动力源",
    );
    expect(formatGbt7714(source, { paragraph: 4, url: "https://x.org/plan/3#3.2-p-4", accessed: "2026-12-01" })).toBe(
      "北京市大兴区人民政府. 北京市大兴区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要: 第三章 建设国家发展新的动力源[EB/OL]. 北京市大兴区人民政府, 2021-04-22: 第4段[2026-12-01]. https://x.org/plan/3#3.2-p-4.",
    );
  });

  it("falls back to the plan's 制定机关 and the source's date", () => {
    const source = planCitationSource({
      title: "纲要",
      metadata: { 制定机关: "大兴区政府" },
      source: { body: "", date: null },
    });
    expect(source).toEqual({
      authors: ["大兴区政府"],
      title: "纲要",
      part: undefined,
      publisher: "大兴区政府",
      date: null,
    });
    expect(formatGbt7714(source, { url: "u", accessed: "2026-12-01" })).toBe(
      "大兴区政府. 纲要[EB/OL]. 大兴区政府[2026-12-01]. u.",
    );
  });
});

describe("plain citations", () => {
  it("names speaker, title, publisher, date, paragraph, URL and the day of access", () => {
    expect(formatPlain(speech, { paragraph: 10, url: "https://x.org/speeches/a#p-10", accessed: "2026-12-01" })).toBe(
      "舒勇：《关于全区文化事业发展建设的几点建议》，政协北京市大兴区第六届委员会第二次会议，2023年，第10段。https://x.org/speeches/a#p-10（访问日期：2026年12月1日）",
    );
  });

  it("puts a plan node's label after the plan's title", () => {
    const source = planCitationSource(
      { title: "纲要", metadata: { 发布时间: "2021-04-22" }, source: { body: "北京市大兴区人民政府", date: null } },
      "第一章 把握新形势,引领新发展",
    );
    expect(formatPlain(source, { url: "https://x.org/plan/1", accessed: "2026-02-03" })).toBe(
      "北京市大兴区人民政府：《纲要》第一章 把握新形势,引领新发展，北京市大兴区人民政府，2021年4月22日。https://x.org/plan/1（访问日期：2026年2月3日）",
    );
  });
});

describe("dates", () => {
  it("writes Chinese dates as precisely as given", () => {
    expect(zhDate("2021-04-22")).toBe("2021年4月22日");
    expect(zhDate("2020-09")).toBe("2020年9月");
    expect(zhDate("2023")).toBe("2023年");
  });

  it("takes the access date from the reader's local day", () => {
    expect(accessDate(new Date(2026, 11, 1, 23, 59))).toBe("2026-12-01");
    expect(accessDate(new Date(2027, 0, 9, 0, 1))).toBe("2027-01-09");
  });
});
