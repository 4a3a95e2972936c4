import fs from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "@/lib/infra/paths";
import { GET as listDocuments } from "@/app/api/v1/documents/route";
import { GET as getDocument } from "@/app/api/v1/documents/[id]/route";
import { GET as getPlan } from "@/app/api/v1/plan/route";
import { GET as getPlanNode } from "@/app/api/v1/plan/nodes/[path]/route";
import { GET as listTargets } from "@/app/api/v1/plan/targets/route";
import { GET as getPerson } from "@/app/api/v1/people/[id]/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { GET as search } from "@/app/api/v1/search/route";
import { GET as suggestRoute } from "@/app/api/v1/suggest/route";

const BASE = "http://localhost/api/v1";
const req = (path: string) => new Request(`${BASE}${path}`);
const ctx = <T extends Record<string, string>>(params: T) => ({ params: Promise.resolve(params) });

let openapi: {
  paths: Record<
    string,
    { get: { responses: Record<string, { content?: { "application/json": { schema: { $ref: string } } } }> } }
  >;
  components: { schemas: Record<string, unknown> };
};
let ajv: Ajv2020;

beforeAll(async () => {
  openapi = await (await getOpenApi()).json();
  ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: "openapi", components: openapi.components });
});

/** Checks status and validates the body against the response schema the OpenAPI document declares. */
async function expectResponse(res: Response, path: string, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/json");
  const body = await res.json();
  const declared = openapi.paths[path]!.get.responses[String(status)];
  expect(declared, `${path} declares ${status}`).toBeDefined();
  const ref = declared!.content!["application/json"].schema.$ref.replace("#/", "openapi#/");
  const validate = ajv.getSchema(ref)!;
  expect(validate(body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  return body;
}

describe("GET /api/v1/documents", () => {
  it("lists documents with paging", async () => {
    const body = await expectResponse(await listDocuments(req("/documents?pageSize=5")), "/api/v1/documents", 200);
    expect(body.items).toHaveLength(5);
    expect(body).toMatchObject({ total: 63, page: 1, pageSize: 5 });
  });
  it("filters by kind, source and person", async () => {
    const speeches = await expectResponse(
      await listDocuments(req("/documents?kind=speech&pageSize=100")),
      "/api/v1/documents",
      200,
    );
    expect(speeches.total).toBe(13);
    expect(speeches.items.every((d: { kind: string }) => d.kind === "speech")).toBe(true);
    const reports = await (await listDocuments(req("/documents?source=beijing-npc-2020-reports"))).json();
    expect(reports.total).toBe(27);
    const person = speeches.items[0].speakers[0].personId;
    const byPerson = await (await listDocuments(req(`/documents?person=${person}`))).json();
    expect(
      byPerson.items.every((d: { speakers: { personId: string }[] }) => d.speakers.some((s) => s.personId === person)),
    ).toBe(true);
  });
  it("sorts by date, title (pinyin) or source, and gives each item its extract", async () => {
    const titles = async (sort: string) =>
      (
        await expectResponse(
          await listDocuments(req(`/documents?kind=proposal&pageSize=100&sort=${sort}`)),
          "/api/v1/documents",
          200,
        )
      ).items as { title: string; date: string; source: { title: string }; extract: { url: string } | null }[];
    const byTitle = await titles("title");
    const collator = new Intl.Collator("zh-CN-u-co-pinyin");
    expect(byTitle.map((d) => d.title)).toEqual(byTitle.map((d) => d.title).sort(collator.compare));
    // Pinyin order: běi (北京应积极…) first, cā (擦亮北京…) after it.
    expect(byTitle[0]!.title).toMatch(/^北京应积极/);
    expect(byTitle.findIndex((d) => d.title.startsWith("擦亮北京"))).toBeGreaterThan(0);
    const byDate = await titles("date");
    expect(byDate.map((d) => d.date)).toEqual(
      byDate
        .map((d) => d.date)
        .sort()
        .reverse(),
    );
    const bySource = await titles("source");
    expect(bySource.map((d) => d.source.title)).toEqual(bySource.map((d) => d.source.title).sort(collator.compare));
    expect(byTitle.every((d) => d.extract && d.extract.url.includes("#p-"))).toBe(true);
  });
  it.each([
    ["kind=memo", /kind/],
    ["sort=popularity", /sort/],
    ["page=0", /page/],
    ["pageSize=10000", /pageSize/],
    ["pageSize=abc", /pageSize/],
    ["color=red", /unknown parameter/],
  ])("answers 400 for %s", async (query, message) => {
    const body = await expectResponse(await listDocuments(req(`/documents?${query}`)), "/api/v1/documents", 400);
    expect(body.error.code).toBe("invalid_parameters");
    expect(body.error.message).toMatch(message);
  });
});

describe("GET /api/v1/documents/{id}", () => {
  it("returns the document with paragraphs", async () => {
    const body = await expectResponse(
      await getDocument(req("/documents/x"), ctx({ id: "daxing-cppcc-2023-speeches-01" })),
      "/api/v1/documents/{id}",
      200,
    );
    expect(body.title).toBe("关于全区文化事业发展建设的几点建议");
    expect(body.paragraphs[0]).toMatchObject({ n: 1, text: "各位领导、各位委员：" });
  });
  it("answers 404 for an unknown id and 400 for an absurd one", async () => {
    await expectResponse(
      await getDocument(req("/documents/x"), ctx({ id: "no-such-document" })),
      "/api/v1/documents/{id}",
      404,
    );
    await expectResponse(
      await getDocument(req("/documents/x"), ctx({ id: "x".repeat(500) })),
      "/api/v1/documents/{id}",
      400,
    );
  });
});

describe("plan endpoints", () => {
  it("returns the outline with the preface as a node", async () => {
    const body = await expectResponse(await getPlan(req("/plan")), "/api/v1/plan", 200);
    expect(body.nodes[0]).toMatchObject({ path: "0", level: 0, title: "序言" });
    expect(body.nodes.filter((n: { level: number }) => n.level === 1)).toHaveLength(10);
    expect(body.metadata["制定机关"]).toBe("大兴区政府");
  });
  it("returns a node with its own paragraphs and its children's", async () => {
    const body = await expectResponse(
      await getPlanNode(req("/plan/nodes/1.4"), ctx({ path: "1.4" })),
      "/api/v1/plan/nodes/{path}",
      200,
    );
    expect(body.paragraphs).toEqual([]);
    const goals = body.children.find((c: { path: string }) => c.path === "1.4.3");
    expect(goals.targets.filter((t: { kind: string }) => t.kind === "goal")).toHaveLength(7);
  });
  it("answers 400 for a malformed path and 404 for a missing one", async () => {
    await expectResponse(
      await getPlanNode(req("/plan/nodes/x"), ctx({ path: "3.a" })),
      "/api/v1/plan/nodes/{path}",
      400,
    );
    await expectResponse(
      await getPlanNode(req("/plan/nodes/x"), ctx({ path: "99" })),
      "/api/v1/plan/nodes/{path}",
      404,
    );
  });
  it("lists targets by kind", async () => {
    const body = await expectResponse(await listTargets(req("/plan/targets?kind=goal")), "/api/v1/plan/targets", 200);
    expect(body.items.length).toBeGreaterThanOrEqual(15);
    expect(body.items.every((t: { kind: string }) => t.kind === "goal")).toBe(true);
    await expectResponse(await listTargets(req("/plan/targets?kind=wish")), "/api/v1/plan/targets", 400);
  });
});

describe("GET /api/v1/people/{id}", () => {
  it("returns a person with their documents, and 404 for a stranger", async () => {
    const list = await (await listDocuments(req("/documents?kind=speech&pageSize=1"))).json();
    const personId = list.items[0].speakers[0].personId;
    const body = await expectResponse(
      await getPerson(req("/people/x"), ctx({ id: personId })),
      "/api/v1/people/{id}",
      200,
    );
    expect(body.documents.length).toBeGreaterThanOrEqual(1);
    await expectResponse(await getPerson(req("/people/x"), ctx({ id: "p-nobody" })), "/api/v1/people/{id}", 404);
  });
});

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 and describes every route", () => {
    // Every route file under app/api/v1 (but the document itself) must be described, and nothing else.
    const routes = fs
      .readdirSync(path.join(projectRoot, "app/api/v1"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith("route.ts") && !f.startsWith("openapi.json"))
      .map((f) => `/api/v1/${path.dirname(f).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}"));
    expect(Object.keys(openapi.paths).sort()).toEqual(routes.sort());
    expect(routes.length).toBeGreaterThanOrEqual(12);
    expect(ajv.getSchema("openapi#/components/schemas/Document")).toBeDefined();
  });
});

describe("GET /api/v1/search", () => {
  it("returns grouped hits with highlights and facets", async () => {
    const body = await expectResponse(
      await search(req(`/search?q=${encodeURIComponent("碳达峰")}&pageSize=5`)),
      "/api/v1/search",
      200,
    );
    expect(body.total).toBeGreaterThan(0);
    expect(body.hits[0].documentId).toBe("daxing-cppcc-2023-speeches-09");
    const [a, b] = body.hits[0].snippet.highlights[0];
    expect(body.hits[0].snippet.text.slice(a, b)).toMatch(/碳达峰|双碳|碳中和/);
    expect(Object.keys(body.facets)).toEqual(["kind", "source", "person", "year", "topic"]);
  });
  it("gives plan hits a path and no document id", async () => {
    const body = await (await search(req(`/search?q=${encodeURIComponent("中国药谷")}&kind=plan`))).json();
    expect(body.hits[0]).toMatchObject({ kind: "plan", documentId: null });
    expect(body.hits[0].planPath).toMatch(/^3/);
  });
  it.each([
    ["q=", /q/],
    ["q=x&kind=memo", /kind/],
    ["q=x&pageSize=51", /pageSize/],
    ["q=x&topic=a", /unknown topic/],
    ["q=x&tag=a", /unknown parameter/],
    ["q=x&year=abc", /year/],
  ])("answers 400 for %s", async (query, message) => {
    const body = await expectResponse(await search(req(`/search?${query}`)), "/api/v1/search", 400);
    expect(body.error.message).toMatch(message);
  });
  it("treats hostile text as text", async () => {
    for (const q of [
      "a & b | !c",
      '\'); DROP TABLE "Paragraph"; --',
      '"未闭合',
      "😀",
      "人工智能".repeat(400),
      ":* <-> ()",
    ]) {
      const res = await search(req(`/search?q=${encodeURIComponent(q)}`));
      expect(res.status).toBe(200);
    }
  });
  it("answers a few thousand generated hostile queries without a 5xx", async () => {
    const pieces = [
      "'",
      '"',
      "\\",
      "&",
      "|",
      "!",
      "(",
      ")",
      ":*",
      "<->",
      "%",
      "_",
      "😀",
      "碳",
      "水",
      "OR",
      "-",
      "－",
      "“",
      "”",
      "\u0000",
      "\u0007",
      "DROP",
      "';--",
      " ",
      "京津冀",
      "\u{20000}",
      "<script>",
      "%00",
      "+",
      "*",
    ];
    let seed = 11;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const statuses = new Map<number, number>();
    for (let i = 0; i < 2000; i++) {
      const q = Array.from(
        { length: 1 + Math.floor(rand() * 6) },
        () => pieces[Math.floor(rand() * pieces.length)],
      ).join(rand() > 0.5 ? " " : "");
      const extra = i % 3 === 0 ? `&page=${Math.floor(rand() * 5)}&pageSize=${Math.floor(rand() * 60)}` : "";
      const res = await search(req(`/search?q=${encodeURIComponent(q)}${extra}`));
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
    // Bytes that are not UTF-8 at all, as a raw client could send them.
    for (const raw of ["%ED%A0%80", "%E0%A4", "%FF%FE", "%C0%AF"]) {
      const res = await search(req(`/search?q=${raw}`));
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
    expect(statuses.get(200)).toBeGreaterThan(1000);
  }, 120_000);

  it("exports every hit as CSV and JSON", async () => {
    const page = await (await search(req(`/search?q=${encodeURIComponent("产业")}&pageSize=5`))).json();
    const csv = await search(req(`/search?q=${encodeURIComponent("产业")}&format=csv`));
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toContain("attachment");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: spreadsheets then read UTF-8
    const lines = new TextDecoder().decode(bytes).trim().split("\r\n");
    expect(lines[0]).toBe("rank,kind,title,url,paragraph,score,matchedTerms,snippet");
    expect(lines).toHaveLength(page.total + 1);
    const json = await (await search(req(`/search?q=${encodeURIComponent("产业")}&format=json`))).json();
    expect(json.hits).toHaveLength(page.total);
  });
});

describe("GET /api/v1/suggest", () => {
  it("suggests titles, people and plan nodes", async () => {
    const body = await expectResponse(
      await suggestRoute(req(`/suggest?q=${encodeURIComponent("药谷")}`)),
      "/api/v1/suggest",
      200,
    );
    expect(body.items.some((i: { type: string }) => i.type === "plan")).toBe(true);
    const people = await (await suggestRoute(req(`/suggest?q=${encodeURIComponent("周源")}`))).json();
    expect(people.items[0]).toMatchObject({ type: "person", label: "周源" });
    await expectResponse(await suggestRoute(req("/suggest?q=")), "/api/v1/suggest", 400);
  });
});
