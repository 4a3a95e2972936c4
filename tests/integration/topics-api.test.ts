/**
 * The topics API over the shared database (the real corpus, linked and assigned): the OpenAPI
 * contract, counts that agree with the lists' ?topic= filter, 400 for an unknown topic, 404 for an
 * unknown slug, and the editors' write refused without a session.
 */
import Ajv2020 from "ajv/dist/2020";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listDocuments } from "@/app/api/v1/documents/route";
import { GET as getDocument } from "@/app/api/v1/documents/[id]/route";
import { GET as getDocumentTopics, POST as decideTopic } from "@/app/api/v1/documents/[id]/topics/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { GET as listTopics } from "@/app/api/v1/topics/route";
import { GET as getTopic } from "@/app/api/v1/topics/[slug]/route";
import { GET as topicFeed } from "@/app/topics/[slug]/feed.xml/route";
import { listDocuments as listDocumentRows, sourceAndPersonOptions, topicFilterCounts } from "@/lib/data/documents";
import { DOCUMENT_KINDS } from "@/lib/kinds";

const BASE = "http://localhost/api/v1";
const req = (path: string) => new Request(`${BASE}${path}`);
const ctx = <T extends Record<string, string>>(params: T) => ({ params: Promise.resolve(params) });

type Paths = Record<
  string,
  Record<string, { responses: Record<string, { content?: { "application/json": { schema: { $ref: string } } } }> }>
>;
let openapi: { paths: Paths; components: { schemas: Record<string, unknown> } };
let ajv: Ajv2020;

beforeAll(async () => {
  openapi = await (await getOpenApi()).json();
  ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: "openapi", components: openapi.components });
});

async function expectResponse(res: Response, path: string, status: number, method = "get") {
  expect(res.status).toBe(status);
  const body = await res.json();
  const declared = openapi.paths[path]![method]!.responses[String(status)];
  expect(declared, `${path} declares ${status}`).toBeDefined();
  const ref = declared!.content!["application/json"].schema.$ref.replace("#/", "openapi#/");
  const validate = ajv.getSchema(ref)!;
  expect(validate(body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  return body;
}

interface TopicItem {
  slug: string;
  name: string;
  counts: Record<string, number>;
  attention: Record<string, number>;
}

describe("GET /api/v1/topics", () => {
  it("lists every topic of the taxonomy with counts and attention shares that sum to 1 per column", async () => {
    const body = await expectResponse(await listTopics(), "/api/v1/topics", 200);
    const items = body.items as TopicItem[];
    expect(items).toHaveLength(20);
    expect(items.find((t) => t.slug === "ecology")).toMatchObject({ name: "生态环境与双碳" });
    for (const column of ["speech", "proposal", "report", "plan"]) {
      const sum = items.reduce((a, t) => a + t.attention[column]!, 0);
      expect(sum).toBeCloseTo(1, 5);
    }
    expect(items.reduce((a, t) => a + t.counts.plan!, 0)).toBeGreaterThan(20);
  });

  it("counts agree with the documents list filtered by topic, kind by kind", async () => {
    const items = (await (await listTopics()).json()).items as TopicItem[];
    let checked = 0;
    for (const t of items) {
      for (const kind of DOCUMENT_KINDS) {
        const res = await listDocuments(req(`/documents?kind=${kind}&topic=${t.slug}&pageSize=100`));
        const list = await res.json();
        expect(list.total, `${t.slug} ${kind}`).toBe(t.counts[kind]);
        for (const d of list.items) expect(d.topics.map((x: { slug: string }) => x.slug)).toContain(t.slug);
        checked += list.total;
      }
    }
    expect(checked).toBeGreaterThan(63);
  });
});

describe("topic= on /api/v1/documents and topics on documents", () => {
  it("an unknown topic is a 400 with the error body", async () => {
    const res = await listDocuments(req("/documents?topic=no-such-topic"));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("invalid_parameters");
    expect(body.error.message).toMatch(/topic/);
  });

  it("documents carry their topics with a score", async () => {
    const body = await expectResponse(
      await getDocument(req("/documents/daxing-cppcc-2023-speeches-09"), ctx({ id: "daxing-cppcc-2023-speeches-09" })),
      "/api/v1/documents/{id}",
      200,
    );
    expect(body.topics[0]).toMatchObject({ slug: "ecology", name: "生态环境与双碳", origin: "machine" });
    expect(body.topics[0].score).toBeGreaterThan(0.5);
  });
});

describe("GET /api/v1/topics/{slug}", () => {
  it("gives the topic's documents (each on the topic, with its best passage) and plan nodes in plan order", async () => {
    const body = await expectResponse(
      await getTopic(req("/topics/ecology"), ctx({ slug: "ecology" })),
      "/api/v1/topics/{slug}",
      200,
    );
    expect(body.documents.length).toBe(body.counts.speech + body.counts.proposal + body.counts.report);
    expect(body.planNodes.length).toBe(body.counts.plan);
    expect(body.documents.map((d: { id: string }) => d.id)).toContain("daxing-cppcc-2023-speeches-09");
    for (const d of body.documents) {
      if (d.passage) expect(d.passage.url.startsWith(d.url)).toBe(true);
    }
    expect(body.planNodes.map((n: { path: string }) => n.path)).toContain("8.2");
    expect(body.people.length).toBeGreaterThan(0);
  });

  it("an unknown slug is a 404", async () => {
    const res = await getTopic(req("/topics/nope"), ctx({ slug: "nope" }));
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("not_found");
  });

  it("the topic's Atom feed lists its documents with absolute links", async () => {
    const res = await topicFeed(new Request("http://example.org/topics/ecology/feed.xml"), ctx({ slug: "ecology" }));
    expect(res.headers.get("content-type")).toContain("application/atom+xml");
    const xml = await res.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(xml).toContain("http://example.org/speeches/daxing-cppcc-2023-speeches-09");
    expect((await topicFeed(new Request("http://example.org/topics/x/feed.xml"), ctx({ slug: "x" }))).status).toBe(404);
  });
});

describe("/api/v1/documents/{id}/topics", () => {
  it("gives the topics with their evidence and each passage's topics", async () => {
    const id = "daxing-cppcc-2023-speeches-09";
    const body = await expectResponse(
      await getDocumentTopics(req(`/documents/${id}/topics`), ctx({ id })),
      "/api/v1/documents/{id}/topics",
      200,
    );
    const slugs = body.items.map((t: { slug: string }) => t.slug);
    expect(slugs).toContain("ecology");
    expect(body.items[0].terms.length).toBeGreaterThan(0);
    expect(body.passages.length).toBeGreaterThan(0);
    for (const p of body.passages) for (const t of p.topics) expect(slugs).toContain(t);
  });

  it("refuses an editor's write without a session (401) and from another site (403)", async () => {
    const id = "daxing-cppcc-2023-speeches-09";
    const post = (headers: Record<string, string>) =>
      decideTopic(
        new Request(`${BASE}/documents/${id}/topics`, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify({ topic: "transport", action: "add" }),
        }),
        ctx({ id }),
      );
    const anonymous = await post({ origin: "http://localhost", host: "localhost" });
    expect(anonymous.status).toBe(401);
    const crossSite = await post({ origin: "http://evil.example", host: "localhost" });
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).error.code).toBe("cross_site");
  });
});

describe("the lists' filters", () => {
  it("offer each topic with the count the filtered list then shows, and only sources and people with documents", async () => {
    for (const kind of DOCUMENT_KINDS) {
      const counts = await topicFilterCounts({ kind });
      expect(counts.size).toBeGreaterThan(0);
      for (const [topic, n] of counts) {
        expect(n).toBeGreaterThan(0);
        expect((await listDocumentRows({ kind, topic, page: 1, pageSize: 1 })).total, `${kind} ${topic}`).toBe(n);
      }
      const offered = await sourceAndPersonOptions({ kind, topic: [...counts.keys()][0] });
      for (const source of offered.sources) {
        expect(
          (await listDocumentRows({ kind, source, topic: [...counts.keys()][0], page: 1, pageSize: 1 })).total,
        ).toBeGreaterThan(0);
      }
      for (const person of offered.people.slice(0, 5)) {
        expect(
          (await listDocumentRows({ kind, person, topic: [...counts.keys()][0], page: 1, pageSize: 1 })).total,
        ).toBeGreaterThan(0);
      }
    }
  });
});
