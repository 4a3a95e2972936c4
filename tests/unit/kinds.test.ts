import { describe, expect, it } from "vitest";
import {
  describeKinds,
  DOCUMENT_KINDS,
  KIND_LABEL,
  KIND_SEGMENT,
  kindOfSegment,
  SEARCH_KIND_LABEL,
  SEARCH_KINDS,
} from "@/lib/kinds";
import { documentKindSchema, searchKindSchema } from "@/lib/kind-schemas";
import { documentListUrl, documentUrl } from "@/lib/urls";

describe("the one table of kinds", () => {
  it("derives segments, labels, URLs and zod enums from Prisma's enum", () => {
    expect(DOCUMENT_KINDS).toEqual(["speech", "proposal", "report"]);
    expect(KIND_SEGMENT).toEqual({ speech: "speeches", proposal: "proposals", report: "reports" });
    expect(KIND_LABEL).toEqual({ speech: "大会发言", proposal: "委员建议", report: "调研报告" });
    for (const kind of DOCUMENT_KINDS) {
      expect(kindOfSegment(KIND_SEGMENT[kind])).toBe(kind);
      expect(documentUrl(kind, "a b")).toBe(`${documentListUrl(kind)}/a%20b`);
    }
    expect(kindOfSegment("plan")).toBeUndefined();
    expect(documentKindSchema.safeParse("plan").success).toBe(false);
  });

  it("search kinds are the document kinds plus plan, each labelled", () => {
    expect(SEARCH_KINDS).toEqual([...DOCUMENT_KINDS, "plan"]);
    expect(searchKindSchema.parse("plan")).toBe("plan");
    expect(Object.keys(SEARCH_KIND_LABEL).sort()).toEqual([...SEARCH_KINDS].sort());
    expect(SEARCH_KIND_LABEL.plan).toBe("规划纲要");
    expect(describeKinds(DOCUMENT_KINDS)).toBe("speech, proposal or report");
  });
});

describe("what a document's people are called", () => {
  it("fits the genre: speech, written proposal, comment, report", async () => {
    const { documentGenre, PEOPLE_LABEL } = await import("@/lib/kinds");
    expect(PEOPLE_LABEL[documentGenre("speech", "cppcc-speeches")]).toBe("发言人");
    expect(PEOPLE_LABEL[documentGenre("proposal", "news-proposals")]).toBe("建议人");
    expect(PEOPLE_LABEL[documentGenre("proposal", "generic")]).toBe("建议人");
    expect(PEOPLE_LABEL[documentGenre("proposal", "news-comments")]).toBe("点评人");
    expect(PEOPLE_LABEL[documentGenre("report", "npc-reports")]).toBe("作者");
  });
});
