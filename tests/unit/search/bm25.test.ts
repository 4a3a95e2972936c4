import { describe, expect, it } from "vitest";
import { bm25Index } from "@/lib/search/bm25";
import { parseQuery } from "@/lib/search/query";
import { relatedSearches } from "@/lib/search/related";

describe("BM25 baseline", () => {
  const index = bm25Index([
    { key: "a", tokens: ["交通", "拥堵", "交通", "治理"] },
    { key: "b", tokens: ["交通", "规划", "产业", "产业", "产业", "产业"] },
    { key: "c", tokens: ["养老", "服务"] },
  ]);
  it("ranks by rare words first, with OR semantics", () => {
    expect(index.rank(["拥堵"])).toEqual(["a"]);
    expect(index.rank(["交通", "养老"])).toEqual(["c", "a", "b"]);
    expect(index.rank(["无此词"])).toEqual([]);
  });
});

describe("related searches", () => {
  it("offers thesaurus neighbours, thesaurus words sharing part of the query, and words of the passages", () => {
    const related = relatedSearches(parseQuery("堵车"), ["交通拥堵", "停车泊位", "车位"], ["加强停车泊位管理"]);
    expect(related).toEqual(expect.arrayContaining(["交通拥堵", "停车泊位"]));
    expect(related).not.toContain("堵车");
    expect(relatedSearches(parseQuery("停车费"), ["停车泊位", "养老"])).toEqual(["停车泊位"]);
  });
});
