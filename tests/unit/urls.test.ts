import { describe, expect, it } from "vitest";
import {
  documentParagraphAnchor,
  documentParagraphUrl,
  documentSourceUrl,
  documentUrl,
  hashUrl,
  planChapterUrl,
  planNodeAnchor,
  planNodeUrl,
  planParagraphAnchor,
  planParagraphUrl,
  planTargetAnchor,
  withHighlight,
} from "@/lib/urls";

describe("search links", () => {
  it("opens a reading page with the words of the search marked", () => {
    expect(withHighlight("/speeches/a-1#p-5", "京津冀 产业")).toBe(
      "/speeches/a-1?hl=%E4%BA%AC%E6%B4%A5%E5%86%80%20%E4%BA%A7%E4%B8%9A#p-5",
    );
    expect(withHighlight("/plan/3", "水")).toBe("/plan/3?hl=%E6%B0%B4");
  });
});

describe("reading-page anchors", () => {
  it("writes each anchor format once, for the ids and for the links", () => {
    expect(documentParagraphAnchor(10)).toBe("p-10");
    expect(documentParagraphUrl("speech", "daxing-cppcc-2023-speeches-01", 10)).toBe(
      "/speeches/daxing-cppcc-2023-speeches-01#p-10",
    );
    expect(planParagraphAnchor("3.2", 4)).toBe("3.2-p-4");
    expect(planParagraphUrl("3.2", 4)).toBe("/plan/3#3.2-p-4");
    expect(planNodeAnchor("1.4.3")).toBe("n-1.4.3");
    expect(planNodeUrl("1.4.3")).toBe("/plan/1#n-1.4.3");
    expect(planNodeUrl("7")).toBe("/plan/7");
    expect(planChapterUrl("0")).toBe("/plan/0");
    expect(hashUrl(planTargetAnchor("x-t1"))).toBe("#t-x-t1");
  });

  it("encodes ids that are not plain ASCII", () => {
    expect(documentUrl("report", "报告 1")).toBe("/reports/%E6%8A%A5%E5%91%8A%201");
    expect(documentParagraphUrl("report", "a/b", 2)).toBe("/reports/a%2Fb#p-2");
    expect(documentSourceUrl("proposal", "a?b")).toBe("/proposals/a%3Fb?view=source");
    expect(hashUrl("a b")).toBe("#a%20b");
  });
});
