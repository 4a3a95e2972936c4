import { describe, expect, it } from "vitest";
import { documentSearchColumns, enclosingHeadings, planSearchColumns } from "@/lib/search/index-fields";

describe("search context", () => {
  it("gives each paragraph the headings it sits under, outer ones first", () => {
    const paragraphs = [
      { text: "引言", headingLevel: null },
      { text: "一、现状", headingLevel: 1 },
      { text: "正文甲", headingLevel: null },
      { text: "（一）产业", headingLevel: 2 },
      { text: "正文乙", headingLevel: null },
      { text: "二、建议", headingLevel: 1 },
      { text: "正文丙", headingLevel: null },
    ];
    expect(enclosingHeadings(paragraphs, ["第四章 区域协同"])).toEqual([
      ["第四章 区域协同"],
      ["第四章 区域协同"],
      ["第四章 区域协同", "一、现状"],
      ["第四章 区域协同", "一、现状"],
      ["第四章 区域协同", "一、现状", "（一）产业"],
      ["第四章 区域协同"],
      ["第四章 区域协同", "二、建议"],
    ]);
    // A heading deeper than any open one does not leave holes.
    expect(
      enclosingHeadings([
        { text: "1.细目", headingLevel: 3 },
        { text: "正文", headingLevel: null },
      ]),
    ).toEqual([[], ["1.细目"]]);
  });
});

describe("search columns", () => {
  it("indexes a document's title with its speakers and office, headings and body apart", () => {
    const [heading, body] = documentSearchColumns(
      { title: "关于临空经济区的建议", speakers: ["张晖"], authoringOffice: "市人大常委会财政经济办公室" },
      [
        { text: "一、新国门建设", headingLevel: 1 },
        { text: "推动ＡＩ產業發展。", headingLevel: null },
      ],
    );
    expect(heading!.searchTitle.split(" ")).toEqual(expect.arrayContaining(["临空经济区", "人大常委会"]));
    expect(heading!.searchTitle.replace(/ /g, "")).toContain("张晖");
    expect(heading!.searchHeading.split(" ")).toContain("新国门");
    expect(heading!.searchBody).toBe("");
    expect(body!.searchHeading).toBe("");
    expect(body!.searchBody.split(" ")).toEqual(expect.arrayContaining(["ai", "产业"]));
    expect(body!.normText).toBe("推动ai产业发展。");
    // Documents carry no context (it measured worse).
    expect([heading!.searchContext, body!.searchContext]).toEqual(["", ""]);
  });

  it("gives a plan node its own label as title and its chapter's and section's as context", () => {
    const columns = planSearchColumns([
      { path: "4", number: "第四章", title: "区域协同,深度融入京津冀发展大格局", paragraphs: [] },
      { path: "4.2", number: "二、", title: "推动重点领域协同发展", paragraphs: [] },
      {
        path: "4.2.2",
        number: "(二)",
        title: "加强产业链协作发展",
        paragraphs: [{ text: "深化与津冀地区的医药健康产业合作。", headingLevel: null }],
      },
    ]);
    expect(columns.map((c) => c.length)).toEqual([0, 0, 1]);
    const [p] = columns[2]!;
    expect(p!.searchTitle.split(" ")).toEqual(expect.arrayContaining(["产业链", "协作"]));
    expect(p!.searchContext.split(" ")).toEqual(expect.arrayContaining(["京津冀", "重点", "领域"]));
    expect(p!.searchContext.split(" ")).not.toContain("产业链");
  });
});
