import { describe, expect, it } from "vitest";
import { bigramSimilarity } from "@/lib/ingest/similarity";
import { titleKey } from "@/lib/ingest/text";

describe("title similarity", () => {
  it("finds the same title despite stray spaces and a word more", () => {
    expect(
      bigramSimilarity(
        titleKey("关于北京市“十四五”时期我市教育和发展规划的调研报告"),
        titleKey("关于北京市“十四五”时期 我市教育改革和发展规划的调研报告"),
      ),
    ).toBeGreaterThan(0.85);
  });
});
