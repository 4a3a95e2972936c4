import { describe, expect, it } from "vitest";
import { planNodeAncestorIds } from "@/lib/ingest/ids";

describe("ids", () => {
  it("derives a plan node's ancestors from its id, for the breadcrumb", () => {
    expect(planNodeAncestorIds("daxing-14th-fyp-n4.2.2")).toEqual(["daxing-14th-fyp-n4", "daxing-14th-fyp-n4.2"]);
    expect(planNodeAncestorIds("beijing-npc-plan-n3")).toEqual([]);
  });
});
