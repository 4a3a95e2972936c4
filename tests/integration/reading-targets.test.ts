import { describe, expect, it } from "vitest";
import { readingTargetExists, readingTargetOf } from "@/lib/data/exists";
import { getDb } from "@/lib/db";

describe("reading targets (what the proxy checks before a page streams)", () => {
  it("reads the subject of a reading page from its path", () => {
    expect(readingTargetOf("/speeches/daxing-cppcc-2023-speeches-09")).toEqual({
      type: "document",
      kind: "speech",
      id: "daxing-cppcc-2023-speeches-09",
    });
    expect(readingTargetOf("/people/p-1%20x")).toEqual({ type: "person", id: "p-1 x" });
    expect(readingTargetOf("/plan/4/")).toEqual({ type: "chapter", path: "4" });
    for (const other of ["/", "/speeches", "/search", "/api/v1/documents/x", "/speeches/a/b", "/plan", "/plan/targets"])
      expect(readingTargetOf(other)).toBeNull();
  });

  it("knows which exist, with the same rules as the pages", async () => {
    expect(await readingTargetExists({ type: "document", kind: "speech", id: "daxing-cppcc-2023-speeches-09" })).toBe(
      true,
    );
    // A speech's id under /reports is not a report.
    expect(await readingTargetExists({ type: "document", kind: "report", id: "daxing-cppcc-2023-speeches-09" })).toBe(
      false,
    );
    expect(await readingTargetExists({ type: "document", kind: "speech", id: "no-such" })).toBe(false);
    expect(await readingTargetExists({ type: "chapter", path: "4" })).toBe(true);
    expect(await readingTargetExists({ type: "chapter", path: "4.2" })).toBe(false);
    expect(await readingTargetExists({ type: "chapter", path: "99" })).toBe(false);
    expect(await readingTargetExists({ type: "person", id: "p-nobody" })).toBe(false);
  });

  it("checks a link's record and the compare view before they stream", async () => {
    const link = await getDb().link.findFirstOrThrow({ select: { id: true, documentId: true, planPath: true } });
    expect(readingTargetOf(`/links/${link.id}`)).toEqual({ type: "link", id: link.id });
    expect(await readingTargetExists({ type: "link", id: link.id })).toBe(true);
    expect(await readingTargetExists({ type: "link", id: "no-such-link" })).toBe(false);
    expect(await readingTargetExists({ type: "link", id: "a\u0000b" })).toBe(false);
    const q = new URLSearchParams({ document: link.documentId, plan: link.planPath });
    const compare = readingTargetOf("/compare", q)!;
    expect(compare).toEqual({ type: "compare", document: link.documentId, plan: link.planPath });
    expect(await readingTargetExists(compare)).toBe(true);
    expect(await readingTargetExists({ type: "compare", document: link.documentId, plan: "99.9" })).toBe(false);
    expect(await readingTargetExists({ type: "compare", document: "no-such", plan: link.planPath })).toBe(false);
    expect(await readingTargetExists({ type: "compare", document: undefined, plan: undefined })).toBe(false);
    expect(await readingTargetExists({ type: "compare", document: "a\u0000b", plan: link.planPath })).toBe(false);
  });
});
