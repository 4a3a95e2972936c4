/**
 * Search's topic facet and filter on the shared database (real corpus, linked and topics assigned):
 * each facet count is the total of the search filtered by that topic, the filter keeps only
 * documents and plan nodes on the topic, and an unknown topic is a 400.
 */
import { describe, expect, it } from "vitest";
import { GET as search } from "@/app/api/v1/search/route";
import { documentIdsOnTopic } from "@/lib/data/topics";

const req = (query: string) => new Request(`http://localhost/api/v1/search?${query}`);

describe("search by topic", () => {
  it("counts per topic that equal the totals of the filtered searches", async () => {
    const res = await search(req(`q=${encodeURIComponent("养老")}`));
    expect(res.status).toBe(200);
    const body = await res.json();
    const topics = Object.entries(body.facets.topic as Record<string, number>);
    expect(topics.length).toBeGreaterThan(0);
    expect(Object.keys(body.facets.topic)).toContain("social-security");
    for (const [slug, n] of topics.slice(0, 4)) {
      const filtered = await (await search(req(`q=${encodeURIComponent("养老")}&topic=${slug}`))).json();
      expect(filtered.total, slug).toBe(n);
    }
  });

  it("keeps only documents on the topic", async () => {
    const body = await (await search(req(`q=${encodeURIComponent("创新")}&topic=sci-tech&pageSize=50`))).json();
    expect(body.total).toBeGreaterThan(0);
    const onTopic = new Set(await documentIdsOnTopic("sci-tech"));
    const documents = body.hits.filter((h: { documentId: string | null }) => h.documentId !== null);
    expect(documents.length).toBeGreaterThan(0);
    for (const h of documents) expect(onTopic.has(h.documentId), h.documentId).toBe(true);
  });

  it("answers 400 for an unknown topic", async () => {
    const res = await search(req("q=%E5%85%BB%E8%80%81&topic=no-such-topic"));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBeTruthy();
  });
});
