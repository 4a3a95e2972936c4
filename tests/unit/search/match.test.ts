import { describe, expect, it } from "vitest";
import { matchReasonsOf } from "@/lib/search/match";
import { parseQuery } from "@/lib/search/query";

describe("why a hit matched", () => {
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
