/**
 * The editorial write API: POST /api/v1/links and PATCH /api/v1/links/{id}. Every write refuses
 * anonymous, cross-site, disabled-editor and malformed requests without writing anything; what
 * editors write lands with its history, and every answer matches the OpenAPI document.
 */
import crypto from "node:crypto";
import Ajv2020 from "ajv/dist/2020";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => vi.stubEnv("AUTH_SECRET", "links-write-api-test-secret-0123456789"));

const { POST: authPost } = await import("@/app/api/auth/[...all]/route");
const { POST: createLink } = await import("@/app/api/v1/links/route");
const { GET: getLinkRoute, PATCH: patchLink } = await import("@/app/api/v1/links/[id]/route");
const { GET: documentLinks } = await import("@/app/api/v1/documents/[id]/links/route");
const { GET: getOpenApi } = await import("@/app/api/v1/openapi.json/route");
const { getDb } = await import("@/lib/db");
const { getAuth } = await import("@/lib/auth/server");
const { addEditor } = await import("@/lib/auth/editors");

const SITE = "http://localhost:3000";
const PASSWORD = "Correct horse 42";
const run = crypto.randomBytes(3).toString("hex");
const DOC = "daxing-cppcc-2023-speeches-12";

type Spec = { responses: Record<string, { content?: { "application/json": { schema: { $ref: string } } } }> };
let openapi: { paths: Record<string, Record<string, Spec>> };
let ajv: Ajv2020;
let cookie: string;
let disabledCookie: string;
let editorName: string;
const created: string[] = [];

async function signIn(name: string): Promise<string> {
  await addEditor(getAuth(), getDb(), { name, password: PASSWORD });
  const res = await authPost(
    new Request(`${SITE}/api/auth/sign-in/username`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: SITE,
        "x-forwarded-for": `10.9.${crypto.randomInt(1, 254)}.${crypto.randomInt(1, 254)}`,
      },
      body: JSON.stringify({ username: name, password: PASSWORD }),
    }),
  );
  expect(res.status).toBe(200);
  return /policy-explorer\.session_token=[^;]+/.exec(res.headers.get("set-cookie") ?? "")![0];
}

beforeAll(async () => {
  openapi = await (await getOpenApi()).json();
  ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: "openapi", components: (openapi as unknown as { components: object }).components });
  editorName = `写入${run}`;
  cookie = await signIn(editorName);
  const disabledName = `停用${run}`;
  disabledCookie = await signIn(disabledName);
  // A session that outlives the flag: the guard itself must refuse it.
  await getDb().editor.updateMany({ where: { username: disabledName.toLowerCase() }, data: { disabled: true } });
});

afterAll(async () => {
  const db = getDb();
  await db.linkEvent.deleteMany({ where: { linkId: { in: created } } });
  await db.link.deleteMany({ where: { id: { in: created }, origin: "editor" } });
  await db.link.updateMany({
    where: { id: { in: created } },
    data: { status: "suggested", decidedAt: null, decidedBy: null, note: null },
  });
});

function write(
  method: "POST" | "PATCH",
  path: string,
  body: unknown,
  headers: Record<string, string | undefined> = {},
): Request {
  const h = new Headers({ "content-type": "application/json", origin: SITE, host: "localhost:3000", cookie });
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) h.delete(k);
    else h.set(k, v);
  }
  return new Request(`${SITE}${path}`, {
    method,
    headers: h,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

async function expectResponse(res: Response, path: string, method: string, status: number) {
  expect(res.status).toBe(status);
  const body = await res.json();
  const declared = openapi.paths[path]![method]!.responses[String(status)];
  expect(declared, `${method} ${path} declares ${status}`).toBeDefined();
  const validate = ajv.getSchema(declared!.content!["application/json"].schema.$ref.replace("#/", "openapi#/"))!;
  expect(validate(body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  return body;
}

const counts = async () => [await getDb().link.count(), await getDb().linkEvent.count()];

describe("editorial writes are refused", () => {
  const add = { documentId: DOC, planPath: "7.2.1", note: "心理健康服务" };

  it("without a session (401), from another site (403), for a disabled editor (403); nothing written", async () => {
    const before = await counts();
    const suggestion = await getDb().link.findFirstOrThrow({ where: { status: "suggested" }, select: { id: true } });
    const cases: [Request, number, string][] = [
      [write("POST", "/api/v1/links", add, { cookie: undefined }), 401, "unauthenticated"],
      [write("POST", "/api/v1/links", add, { origin: "https://evil.example" }), 403, "cross_site"],
      [write("POST", "/api/v1/links", add, { origin: undefined, "sec-fetch-site": "cross-site" }), 403, "cross_site"],
      [write("POST", "/api/v1/links", add, { cookie: disabledCookie }), 403, "forbidden"],
    ];
    for (const [request, status, code] of cases) {
      const body = await expectResponse(await createLink(request), "/api/v1/links", "post", status);
      expect(body.error.code).toBe(code);
    }
    const patch = [
      [write("PATCH", `/api/v1/links/${suggestion.id}`, { status: "confirmed" }, { cookie: undefined }), 401],
      [write("PATCH", `/api/v1/links/${suggestion.id}`, { status: "confirmed" }, { origin: "http://evil:3000" }), 403],
      [write("PATCH", `/api/v1/links/${suggestion.id}`, { status: "confirmed" }, { cookie: disabledCookie }), 403],
    ] as const;
    for (const [request, status] of patch) {
      await expectResponse(await patchLink(request, ctx(suggestion.id)), "/api/v1/links/{id}", "patch", status);
    }
    expect(await counts()).toEqual(before);
  });

  it("malformed bodies get a 4xx with the error body; nothing written", async () => {
    const before = await counts();
    const bad: [Request, number, string][] = [
      [write("POST", "/api/v1/links", add, { "content-type": "text/plain" }), 415, "unsupported_media_type"],
      [write("POST", "/api/v1/links", "{not json"), 400, "invalid_json"],
      [write("POST", "/api/v1/links", { ...add, extra: 1 }), 400, "invalid_body"],
      [write("POST", "/api/v1/links", { ...add, planPath: "7;drop" }), 400, "invalid_body"],
      [write("POST", "/api/v1/links", { ...add, documentId: "a\u0000b" }), 400, "invalid_body"],
      [write("POST", "/api/v1/links", { ...add, note: "长".repeat(2001) }), 400, "invalid_body"],
      [write("POST", "/api/v1/links", { ...add, documentId: "no-such-document" }), 400, "invalid"],
      [write("POST", "/api/v1/links", { ...add, planPath: "99.9" }), 400, "invalid"],
      [write("POST", "/api/v1/links", { ...add, targetId: "not-a-target" }), 400, "invalid"],
      [write("POST", "/api/v1/links", "x".repeat(70_000)), 413, "body_too_large"],
    ];
    for (const [request, status, code] of bad) {
      const body = await expectResponse(await createLink(request), "/api/v1/links", "post", status);
      expect(body.error.code).toBe(code);
    }
    const id = (await getDb().link.findFirstOrThrow({ select: { id: true } })).id;
    for (const body of [{}, { status: "approved" }, { status: "confirmed", reattach: [{ rank: 0 }] }]) {
      await expectResponse(
        await patchLink(write("PATCH", `/api/v1/links/${id}`, body), ctx(id)),
        "/api/v1/links/{id}",
        "patch",
        400,
      );
    }
    await expectResponse(
      await patchLink(write("PATCH", "/api/v1/links/nope", { status: "confirmed" }), ctx("nope")),
      "/api/v1/links/{id}",
      "patch",
      404,
    );
    expect(await counts()).toEqual(before);
  });
});

describe("editorial writes land with their history", () => {
  it("POST adds a confirmed link with a note; a second POST of the same link is a 409", async () => {
    const body = await expectResponse(
      await createLink(write("POST", "/api/v1/links", { documentId: DOC, planPath: "7.2.1", note: "心理健康服务" })),
      "/api/v1/links",
      "post",
      201,
    );
    created.push(body.id);
    expect(body).toMatchObject({ status: "confirmed", origin: "editor", note: "心理健康服务", decidedBy: editorName });
    expect(body.history).toHaveLength(1);
    expect(body.history[0]).toMatchObject({ action: "add", actorName: editorName, note: "心理健康服务" });
    const again = await createLink(write("POST", "/api/v1/links", { documentId: DOC, planPath: "7.2.1" }));
    expect((await expectResponse(again, "/api/v1/links", "post", 409)).error.code).toBe("conflict");
  });

  it("PATCH confirms and then rejects a suggestion; the history is public and readers no longer see it", async () => {
    const s = await getDb().link.findFirstOrThrow({
      where: { status: "suggested", documentId: DOC },
      select: { id: true },
      orderBy: { score: "desc" },
    });
    created.push(s.id);
    const confirmed = await expectResponse(
      await patchLink(write("PATCH", `/api/v1/links/${s.id}`, { status: "confirmed", note: "属实" }), ctx(s.id)),
      "/api/v1/links/{id}",
      "patch",
      200,
    );
    expect(confirmed).toMatchObject({ status: "confirmed", note: "属实", decidedBy: editorName });
    await patchLink(write("PATCH", `/api/v1/links/${s.id}`, { status: "rejected", note: "" }), ctx(s.id));
    const detail = await expectResponse(
      await getLinkRoute(new Request(`${SITE}/api/v1/links/${s.id}`), ctx(s.id)),
      "/api/v1/links/{id}",
      "get",
      200,
    );
    expect(detail.status).toBe("rejected");
    expect(detail.note).toBeNull();
    expect(detail.history.map((e: { action: string }) => e.action)).toEqual(["confirm", "reject"]);
    expect(detail.history[1].before).toMatchObject({ status: "confirmed", note: "属实" });
    const listed = await (await documentLinks(new Request(`${SITE}/api/v1/documents/${DOC}/links`), ctx(DOC))).json();
    expect(listed.items.map((l: { id: string }) => l.id)).not.toContain(s.id);
    expect(listed.items[0].status).toBe("confirmed");
  });
});
