import { describe, expect, it } from "vitest";
import { ndcgAt, recallAt } from "@/lib/search/metrics";

describe("metrics", () => {
  it("computes nDCG and recall, crediting a judged plan node once", () => {
    const judged = { a: 3, "plan:3.2": 2 };
    expect(ndcgAt(["a", "plan:3.2.1", "plan:3.2.2"], judged)).toBeCloseTo(1);
    expect(recallAt(["x", "plan:3.2.1"], judged)).toBe(0.5);
  });
});
