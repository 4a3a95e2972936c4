import { describe, expect, it } from "vitest";
import { planNodeAncestorIds } from "@/lib/ingest/ids";
import { enclosingHeadings } from "@/lib/search/index-fields";
import { matchReasonsOf } from "@/lib/search/match";
import { parseQuery } from "@/lib/search/query";

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

  it("derives a plan node's ancestors from its id, for the breadcrumb", () => {
    expect(planNodeAncestorIds("daxing-14th-fyp-n4.2.2")).toEqual(["daxing-14th-fyp-n4", "daxing-14th-fyp-n4.2"]);
    expect(planNodeAncestorIds("beijing-npc-plan-n3")).toEqual([]);
  });

  it("says when a term was found only in the chapter title around the passage", () => {
    const q = parseQuery("京津冀 产业");
    expect(
      matchReasonsOf(q, ["深化与津冀地区的医药健康产业合作"], ["第四章 区域 协同 深度 融入 京津冀 发展 大 格局"]),
    ).toEqual([
      { kind: "context", term: "京津冀" },
      { kind: "term", term: "产业" },
    ]);
    expect(matchReasonsOf(q, ["京津冀产业协同"], [])).toEqual([
      { kind: "term", term: "京津冀" },
      { kind: "term", term: "产业" },
    ]);
  });
});
