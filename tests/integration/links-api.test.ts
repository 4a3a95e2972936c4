/**
 * The links API answers its contract (every 200 validated against the OpenAPI document): order,
 * hidden rejected links, 404s and 400s, and the coverage matrix as JSON and CSV. Runs on the
 * shared database; it adds its own links (whatever the linker stored there) and removes them.
 */
import crypto from "node:crypto";
import Ajv2020 from "ajv/dist/2020";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as documentLinksRoute } from "@/app/api/v1/documents/[id]/links/route";
import { GET as planNodeLinksRoute } from "@/app/api/v1/plan/nodes/[path]/links/route";
import { GET as linkRoute } from "@/app/api/v1/links/[id]/route";
import { GET as coverageRoute } from "@/app/api/v1/coverage/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { csvCell } from "@/lib/csv";
import { getDb } from "@/lib/db";
import { fingerprint } from "@/lib/linking/anchor";

const BASE = "http://localhost/api/v1";
const req = (path: string) => new Request(`${BASE}${path}`);
const ctx = <T extends Record<string, string>>(params: T) => ({ params: Promise.resolve(params) });

const DOCUMENT = "daxing-cppcc-2023-speeches-01";

let openapi: {
  paths: Record<
    string,
    { get: { responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> } }
  >;
  components: { schemas: Record<string, unknown> };
};
let ajv: Ajv2020;

/** Checks status and validates the body against the response schema the OpenAPI document declares. */
async function expectResponse(res: Response, path: string, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/json");
  const body = await res.json();
  const declared = openapi.paths[path]!.get.responses[String(status)];
  expect(declared, `${path} declares ${status}`).toBeDefined();
  const ref = declared!.content!["application/json"]!.schema.$ref!.replace("#/", "openapi#/");
  const validate = ajv.getSchema(ref)!;
  expect(validate(body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  return body;
}

interface Item {
  id: string;
  status: string;
  score: number;
  planPath: string;
  targetId: string | null;
  document?: { id: string };
}

/** The links this file adds, by role. */
const made = { confirmed: "", suggested: "", rejected: "", orphaned: "", target: "" };
let sourceId = "";
let paths = { confirmed: "", suggested: "", rejected: "", orphaned: "", target: "" };

beforeAll(async () => {
  openapi = await (await getOpenApi()).json();
  ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: "openapi", components: openapi.components });

  const db = getDb();
  const [doc, plan, existing] = await Promise.all([
    db.document.findUniqueOrThrow({
      where: { id: DOCUMENT },
      select: { title: true, sourceId: true, paragraphs: { select: { id: true, text: true }, orderBy: { n: "asc" } } },
    }),
    db.plan.findFirstOrThrow({ select: { id: true } }),
    db.link.findMany({ where: { documentId: DOCUMENT }, select: { planPath: true, targetKey: true } }),
  ]);
  sourceId = doc.sourceId;
  const taken = new Set(existing.map((l) => `${l.planPath}#${l.targetKey}`));
  // Sections with paragraphs of their own that the document has no link to yet (the linker may have made some).
  const sections = (
    await db.planNode.findMany({
      where: { planId: plan.id, kind: "section", paragraphs: { some: {} } },
      select: { path: true, title: true, paragraphs: { select: { id: true, text: true }, orderBy: { n: "asc" } } },
      orderBy: { ordinal: "asc" },
    })
  ).filter((s) => !taken.has(`${s.path}#`));
  const [confirmedAt, suggestedAt, rejectedAt, orphanedAt] = sections;
  const target = (
    await db.planTarget.findMany({
      where: { kind: "goal" },
      select: { id: true, text: true, planNode: { select: { path: true, title: true } } },
      orderBy: { id: "asc" },
    })
  ).find((t) => !taken.has(`${t.planNode.path}#${fingerprint(t.text)}`));
  if (!confirmedAt || !suggestedAt || !rejectedAt || !orphanedAt || !target)
    throw new Error("the corpus lacks free sections or goals for test links");

  const create = async (
    role: keyof typeof made,
    node: { path: string; title: string; paragraphs?: { id: string; text: string }[] },
    fields: { status: "suggested" | "confirmed" | "rejected"; score: number; orphaned?: boolean },
    targetOf?: { id: string; text: string },
  ) => {
    const id = `test-links-api-${role}-${crypto.randomUUID()}`;
    const planParagraphs = node.paragraphs ?? [];
    await db.link.create({
      data: {
        id,
        documentId: DOCUMENT,
        documentSourceId: doc.sourceId,
        documentTitle: doc.title,
        planId: plan.id,
        planPath: node.path,
        planNodeTitle: node.title,
        targetKey: targetOf ? fingerprint(targetOf.text) : "",
        targetId: targetOf?.id ?? null,
        targetText: targetOf?.text ?? null,
        origin: "editor",
        status: fields.status,
        orphanedAt: fields.orphaned ? new Date() : null,
        orphanReason: fields.orphaned ? "passage" : null,
        score: fields.score,
        band: fields.score >= 0.5 ? "strong" : "weak",
        method: "test",
        methodVersion: "0",
        decidedBy: fields.status === "suggested" ? null : "test-editor",
        decidedAt: fields.status === "suggested" ? null : new Date(),
        evidence: {
          create: [0, 1].map((rank) => {
            const p = doc.paragraphs[rank + 1] ?? doc.paragraphs[0]!;
            const q = planParagraphs[rank] ?? planParagraphs[0] ?? { id: null, text: "（无）" };
            return {
              id: crypto.randomUUID(),
              rank,
              paragraphId: p.id,
              paragraphFingerprint: fingerprint(p.text),
              paragraphQuote: p.text,
              planParagraphId: q.id,
              planParagraphFingerprint: fingerprint(q.text),
              planParagraphQuote: q.text,
              terms: ["发展", "建设"],
              score: fields.score / (rank + 1),
            };
          }),
        },
      },
    });
    made[role] = id;
  };
  // The confirmed link has the lowest score: confirmed still comes first.
  await create("confirmed", confirmedAt, { status: "confirmed", score: 0.05 });
  await create("suggested", suggestedAt, { status: "suggested", score: 0.9 });
  await create("rejected", rejectedAt, { status: "rejected", score: 0.99 });
  await create("orphaned", orphanedAt, { status: "suggested", score: 0.98, orphaned: true });
  await create("target", target.planNode, { status: "suggested", score: 0.4 }, target);
  paths = {
    confirmed: confirmedAt.path,
    suggested: suggestedAt.path,
    rejected: rejectedAt.path,
    orphaned: orphanedAt.path,
    target: target.planNode.path,
  };
});

afterAll(async () => {
  await getDb().link.deleteMany({ where: { id: { in: Object.values(made).filter(Boolean) } } });
});

const STATUS_ORDER = ["confirmed", "suggested", "orphaned", "rejected"];

function expectOrdered(items: Item[]) {
  for (let i = 1; i < items.length; i++) {
    const [a, b] = [items[i - 1]!, items[i]!];
    const rank = STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status);
    expect(rank <= 0, `${a.status} before ${b.status}`).toBe(true);
    if (rank === 0) expect(a.score).toBeGreaterThanOrEqual(b.score);
  }
}

describe("OpenAPI document", () => {
  it("describes the four links endpoints with their schemas", () => {
    for (const path of [
      "/api/v1/documents/{id}/links",
      "/api/v1/plan/nodes/{path}/links",
      "/api/v1/links/{id}",
      "/api/v1/coverage",
    ]) {
      expect(openapi.paths[path]?.get.responses["200"], path).toBeDefined();
      expect(openapi.paths[path]!.get.responses["400"], path).toBeDefined();
    }
    for (const id of ["Link", "LinkEvidence", "LinkList", "PlanNodeLinkList", "LinkDetail", "Coverage"])
      expect(ajv.getSchema(`openapi#/components/schemas/${id}`), id).toBeDefined();
  });
});

describe("GET /api/v1/documents/{id}/links", () => {
  const path = "/api/v1/documents/{id}/links";
  const get = (query = "", id = DOCUMENT) => documentLinksRoute(req(`/documents/x/links${query}`), ctx({ id }));

  it("lists the document's links, confirmed first, then by score, rejected hidden", async () => {
    const body = await expectResponse(await get(), path, 200);
    const items: Item[] = body.items;
    const ids = items.map((i) => i.id);
    expect(ids).toContain(made.confirmed);
    expect(ids).toContain(made.suggested);
    expect(ids).toContain(made.orphaned);
    expect(ids).toContain(made.target);
    expect(ids).not.toContain(made.rejected);
    expect(items.some((i) => i.status === "rejected")).toBe(false);
    // A confirmed link with a score of 0.05 comes before a suggested one with 0.9.
    expect(ids.indexOf(made.confirmed)).toBeLessThan(ids.indexOf(made.suggested));
    expect(ids.indexOf(made.suggested)).toBeLessThan(ids.indexOf(made.orphaned));
    expectOrdered(items);
    expect(items.every((i) => i.planPath.length > 0)).toBe(true);
  });

  it("gives each link its node, evidence with paragraph ids and terms, and a target's node path", async () => {
    const body = await (await get()).json();
    const confirmed = body.items.find((i: Item) => i.id === made.confirmed);
    expect(confirmed).toMatchObject({
      planPath: paths.confirmed,
      targetId: null,
      status: "confirmed",
      origin: "editor",
      band: "weak",
      method: "test",
      compareUrl: `/compare?document=${DOCUMENT}&plan=${encodeURIComponent(paths.confirmed)}`,
    });
    expect(confirmed.decidedAt).not.toBeNull();
    expect(confirmed.decidedBy).toBe("test-editor"); // provenance is public (issue 12)
    expect(confirmed.evidence).toHaveLength(2);
    expect(confirmed.evidence[0]).toMatchObject({ terms: ["发展", "建设"], paragraphN: 2 });
    expect(confirmed.evidence[0].paragraphId).toMatch(new RegExp(`^${DOCUMENT}-p`));
    expect(confirmed.evidence[0].planParagraphId).not.toBeNull();
    expect(confirmed.evidence[0].quote.length).toBeGreaterThan(0);

    const target = body.items.find((i: Item) => i.id === made.target);
    expect(target.targetId).not.toBeNull();
    expect(target.targetKind).toBe("goal");
    expect(target.planPath).toBe(paths.target);

    // An orphaned link's stored ids may name other passages now: only its quotes are shown.
    const orphaned = body.items.find((i: Item) => i.id === made.orphaned);
    expect(orphaned.status).toBe("orphaned");
    expect(orphaned.evidence[0]).toMatchObject({ paragraphId: null, planParagraphId: null, paragraphN: null });
    expect(orphaned.evidence[0].quote.length).toBeGreaterThan(0);
  });

  it("lists rejected links last with includeRejected=true", async () => {
    const body = await expectResponse(await get("?includeRejected=true"), path, 200);
    const items: Item[] = body.items;
    expect(items.at(-1)!.status).toBe("rejected");
    expect(items.map((i) => i.id)).toContain(made.rejected);
    expectOrdered(items);
    const hidden = await (await get("?includeRejected=false")).json();
    expect(hidden.items.map((i: Item) => i.id)).not.toContain(made.rejected);
  });

  it("answers 404 for an unknown document and 400 for bad input", async () => {
    const missing = await expectResponse(await get("", "no-such-document"), path, 404);
    expect(missing.error.code).toBe("not_found");
    for (const id of ["x".repeat(500), "a\u0000b", "\u0000", "a\nb"]) {
      const body = await expectResponse(await get("", id), path, 400);
      expect(body.error.code).toBe("invalid_parameters");
    }
    for (const [query, message] of [
      ["?includeRejected=yes", /includeRejected/],
      ["?includeRejected=", /includeRejected/],
      ["?color=red", /unknown parameter/],
    ] as const) {
      const body = await expectResponse(await get(query), path, 400);
      expect(body.error.message).toMatch(message);
    }
  });
});

describe("GET /api/v1/plan/nodes/{path}/links", () => {
  const path = "/api/v1/plan/nodes/{path}/links";
  const get = (nodePath: string, query = "") =>
    planNodeLinksRoute(req(`/plan/nodes/x/links${query}`), ctx({ path: nodePath }));

  it("lists the documents that address a node, each with its document", async () => {
    const body = await expectResponse(await get(paths.confirmed), path, 200);
    const items: Item[] = body.items;
    const mine = body.items.find((i: Item) => i.id === made.confirmed);
    expect(mine.document).toMatchObject({ id: DOCUMENT, kind: "speech", sourceId, url: `/speeches/${DOCUMENT}` });
    expect(mine.document.title.length).toBeGreaterThan(0);
    expect(mine.document.speakers.length).toBeGreaterThan(0);
    expect(mine.document.date).toMatch(/^\d{4}/);
    expect(items.every((i) => i.planPath === paths.confirmed || i.planPath.startsWith(`${paths.confirmed}.`))).toBe(
      true,
    );
    expectOrdered(items);
  });

  it("includes the nodes below by default, and only the node itself with descendants=false", async () => {
    const chapter = paths.confirmed.split(".")[0]!;
    const below = await expectResponse(await get(chapter), path, 200);
    expect(below.items.map((i: Item) => i.id)).toContain(made.confirmed);
    expectOrdered(below.items);
    const own = await expectResponse(await get(chapter, "?descendants=false"), path, 200);
    expect(own.items.map((i: Item) => i.id)).not.toContain(made.confirmed);
    expect(own.items.every((i: Item) => i.planPath === chapter)).toBe(true);
  });

  it("hides rejected links unless asked", async () => {
    const hidden = await (await get(paths.rejected)).json();
    expect(hidden.items.map((i: Item) => i.id)).not.toContain(made.rejected);
    const shown = await expectResponse(await get(paths.rejected, "?includeRejected=true"), path, 200);
    expect(shown.items.find((i: Item) => i.id === made.rejected)).toMatchObject({ status: "rejected" });
  });

  it("answers 404 for a missing node and 400 for bad input", async () => {
    await expectResponse(await get("99"), path, 404);
    await expectResponse(await get("9.99.99"), path, 404);
    for (const bad of ["3.a", "", "1.2.3.4", "\u0000", "1".repeat(300)])
      await expectResponse(await get(bad), path, 400);
    await expectResponse(await get("1", "?descendants=yes"), path, 400);
    await expectResponse(await get("1", "?page=2"), path, 400);
  });
});

describe("GET /api/v1/links/{id}", () => {
  const path = "/api/v1/links/{id}";
  const get = (id: string) => linkRoute(req(`/links/x`), ctx({ id }));

  it("returns one link with its document, plan node and evidence quotes", async () => {
    const body = await expectResponse(await get(made.confirmed), path, 200);
    expect(body).toMatchObject({
      id: made.confirmed,
      documentId: DOCUMENT,
      status: "confirmed",
      planPath: paths.confirmed,
      planNode: { path: paths.confirmed, url: `/plan/${paths.confirmed.split(".")[0]}#n-${paths.confirmed}` },
      document: { id: DOCUMENT, kind: "speech" },
    });
    expect(body.planNode.label).toBe(body.planNodeLabel);
    expect(body.evidence[0].quote.length).toBeGreaterThan(0);
    expect(body.evidence[0].planQuote.length).toBeGreaterThan(0);
    // A rejected link is still there by its id: it is hidden from lists, not gone.
    expect((await expectResponse(await get(made.rejected), path, 200)).status).toBe("rejected");
  });

  it("answers 404 for an unknown id and 400 for an absurd one", async () => {
    await expectResponse(await get("no-such-link"), path, 404);
    await expectResponse(await get(crypto.randomUUID()), path, 404);
    for (const bad of ["x".repeat(201), "a\u0000b", "\u007f"]) await expectResponse(await get(bad), path, 400);
  });
});

describe("GET /api/v1/coverage", () => {
  const path = "/api/v1/coverage";
  const get = (query = "") => coverageRoute(req(`/coverage${query}`));

  it("returns the matrix: chapters and sections × document groups, with what nothing addresses", async () => {
    const chaptersAndSections = await getDb().planNode.count({ where: { kind: { in: ["chapter", "section"] } } });
    const body = await expectResponse(await get(), path, 200);
    expect(body.filter).toEqual({ kind: null, source: null, status: "visible" });
    expect(body.rows).toHaveLength(chaptersAndSections);
    expect(body.columns.map((c: { kind: string }) => c.kind)).toEqual(
      expect.arrayContaining(["speech", "proposal", "report"]),
    );
    const key = `speech:${sourceId}`;
    for (const p of [paths.confirmed, paths.suggested]) {
      const row = body.rows.find((r: { path: string }) => r.path === p);
      expect(row.counts[key]).toBeGreaterThanOrEqual(1);
      expect(row.total).toBeGreaterThanOrEqual(row.counts[key]);
      expect(Object.keys(row.counts).sort()).toEqual(body.columns.map((c: { key: string }) => c.key).sort());
    }
    expect(body.unlinkedDocuments.map((d: { id: string }) => d.id)).not.toContain(DOCUMENT);
    expect(body.addressedTargets + body.uncoveredTargets.length).toBe(body.totalTargets);
    expect(body.uncoveredTargets.map((t: { id: string }) => t.id)).not.toContain(
      (await getDb().link.findUniqueOrThrow({ where: { id: made.target }, select: { targetId: true } })).targetId,
    );
  });

  it("filters by kind, source and status", async () => {
    const reports = await expectResponse(await get("?kind=report"), path, 200);
    expect(reports.columns.every((c: { kind: string }) => c.kind === "report")).toBe(true);
    expect(reports.unlinkedDocuments.every((d: { kind: string }) => d.kind === "report")).toBe(true);

    const confirmed = await expectResponse(await get(`?source=${sourceId}&status=confirmed`), path, 200);
    expect(confirmed.filter).toEqual({ kind: null, source: sourceId, status: "confirmed" });
    expect(confirmed.columns.map((c: { sourceId: string }) => c.sourceId)).toEqual([sourceId]);
    const row = confirmed.rows.find((r: { path: string }) => r.path === paths.confirmed);
    expect(row.counts[`speech:${sourceId}`]).toBeGreaterThanOrEqual(1);
    // Nothing but confirmed links counts: the document is linked, through its confirmed link only.
    expect(confirmed.unlinkedDocuments.map((d: { id: string }) => d.id)).not.toContain(DOCUMENT);
    expect(confirmed.linkedDocuments).toBeLessThanOrEqual(
      (await expectResponse(await get(`?source=${sourceId}`), path, 200)).linkedDocuments,
    );

    const nobody = await expectResponse(await get("?source=no-such-source"), path, 200);
    expect(nobody.columns).toEqual([]);
    expect(nobody.rows.every((r: { total: number }) => r.total === 0)).toBe(true);
  });

  it("exports the matrix as CSV a spreadsheet opens", async () => {
    const [json, csv] = await Promise.all([(await get()).json(), get("?format=csv")]);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="coverage-.*\.csv"$/);
    expect(Object.keys(openapi.paths[path]!.get.responses["200"]!.content!)).toContain("text/csv");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.endsWith("\r\n")).toBe(true);
    const lines = text.trim().split("\r\n");
    const chaptersAndSections = await getDb().planNode.count({ where: { kind: { in: ["chapter", "section"] } } });
    expect(lines).toHaveLength(chaptersAndSections + 1);
    const header = lines[0]!.split(",");
    expect(header.slice(0, 3)).toEqual(["path", "kind", "label"]);
    expect(header.at(-1)).toBe("total");
    expect(header).toHaveLength(3 + json.columns.length + 1);
    expect(header).toContain(`${json.columns[0].sourceTitle} (${json.columns[0].kind})`);
    const first = json.rows[0];
    expect(lines[1]).toBe(
      [
        first.path,
        first.kind,
        first.label,
        ...json.columns.map((c: { key: string }) => first.counts[c.key]),
        first.total,
      ]
        .map(csvCell)
        .join(","),
    );
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("\rx")).toBe(`"'\rx"`);
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell("第一章 总体要求")).toBe("第一章 总体要求");
    expect(csvCell(12)).toBe("12");
  });

  it("answers 400 for bad parameters", async () => {
    for (const [query, message] of [
      ["?kind=memo", /kind/],
      ["?status=all", /status/],
      ["?format=xml", /format/],
      ["?source=", /source/],
      ["?source=%00", /source/],
      [`?source=${"s".repeat(300)}`, /source/],
      ["?color=red", /unknown parameter/],
    ] as const) {
      const body = await expectResponse(await get(query), path, 400);
      expect(body.error.message).toMatch(message);
    }
  });
});
