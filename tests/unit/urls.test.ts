import { describe, expect, it } from "vitest";
import { withHighlight } from "@/lib/urls";

describe("search links", () => {
  it("opens a reading page with the words of the search marked", () => {
    expect(withHighlight("/speeches/a-1#p-5", "京津冀 产业")).toBe(
      "/speeches/a-1?hl=%E4%BA%AC%E6%B4%A5%E5%86%80%20%E4%BA%A7%E4%B8%9A#p-5",
    );
    expect(withHighlight("/plan/3", "水")).toBe("/plan/3?hl=%E6%B0%B4");
  });
});
