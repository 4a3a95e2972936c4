/**
 * The structured fuzz (tests/support/fuzz.ts) in-process: each case goes through proxy.ts as Next
 * runs it, then — when the proxy passes it on — to the route module's handler, the way Next would
 * call it (HEAD through GET, the path's parameters decoded). Pages are rendered only over HTTP
 * (tests/e2e/fuzz.spec.ts); here their cases check what the proxy decides for them.
 */
import crypto from "node:crypto";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { describeReport, fuzzCases, runFuzz, type FuzzCase, type Send } from "../support/fuzz";

vi.hoisted(() => vi.stubEnv("AUTH_SECRET", "fuzz-test-secret-0123456789-abcdefghij"));

const { proxy } = await import("@/proxy");
const { GET: getOpenApi } = await import("@/app/api/v1/openapi.json/route");
const { matchApiRoute } = await import("@/lib/api/routes");
const { projectRoot } = await import("@/lib/infra/paths");
const { getDb } = await import("@/lib/db");
const { getAuth } = await import("@/lib/auth/server");
const { addEditor } = await import("@/lib/auth/editors");

const SITE = "http://localhost:3000";
const run = crypto.randomBytes(3).toString("hex");
const editorName = `模糊${run}`;
let editorCookie: string;

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/** app/api/v1/documents/{id}/links → app/api/v1/documents/[id]/links/route.ts, and its parameters from the path. */
async function routeModule(pathname: string) {
  const route = matchApiRoute(pathname);
  if (!route) return null;
  const segments = route.path.split("/").slice(1);
  const actual = pathname.replace(/\/$/, "").split("/").slice(1);
  const params: Record<string, string | string[]> = {};
  const dirs = segments.map((s, i) => {
    if (s === "{...}") {
      params.all = actual.slice(i).map(decodeURIComponent);
      return "[...all]";
    }
    const m = /^\{(\w+)\}$/.exec(s);
    if (!m) return s;
    params[m[1]!] = decodeURIComponent(actual[i]!);
    return `[${m[1]}]`;
  });
  const file = path.join(projectRoot, "app", ...dirs, "route.ts");
  return { module: (await import(/* @vite-ignore */ file)) as Record<string, Handler | undefined>, params };
}

/** The proxy, then the handler it lets through, merged as Next merges them. */
const inProcess: Send = async (c: FuzzCase) => {
  const headers = new Headers({ host: "localhost:3000", ...c.headers });
  if (c.asEditor) headers.set("cookie", editorCookie);
  const init = { method: c.method, headers, body: c.body };
  const viaProxy = await proxy(new NextRequest(`${SITE}${c.url}`, init));
  const passed = viaProxy.headers.get("x-middleware-next") === "1";
  if (!passed || c.kind === "page") {
    // A rewrite is the not-found page (404); a page the proxy lets through renders only over HTTP.
    const status = viaProxy.headers.has("x-middleware-rewrite") ? 404 : viaProxy.status;
    return { status, headers: viaProxy.headers, body: passed ? "" : await viaProxy.text() };
  }
  const target = await routeModule(new URL(`${SITE}${c.url}`).pathname);
  const handler = target?.module[c.method === "HEAD" ? "GET" : c.method];
  if (!target || !handler) return { status: 405, headers: viaProxy.headers, body: "no handler" };
  const response = await handler(new Request(`${SITE}${c.url}`, init), { params: Promise.resolve(target.params) });
  const merged = new Headers(response.headers);
  viaProxy.headers.forEach((value, key) => {
    if (!key.startsWith("x-middleware-")) merged.set(key, value);
  });
  return { status: response.status, headers: merged, body: c.method === "HEAD" ? "" : await response.text() };
};

let cases: FuzzCase[];
const counts = async () => {
  const db = getDb();
  return [await db.link.count(), await db.linkEvent.count()];
};

beforeAll(async () => {
  const db = getDb();
  await addEditor(getAuth(), db, { name: editorName, password: "Fuzzing horse 42" });
  const { POST: authPost } = await import("@/app/api/auth/[...all]/route");
  const res = await authPost(
    new Request(`${SITE}/api/auth/sign-in/username`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: SITE, "x-forwarded-for": "10.77.0.1" },
      body: JSON.stringify({ username: editorName, password: "Fuzzing horse 42" }),
    }),
  );
  expect(res.status).toBe(200);
  editorCookie = /policy-explorer\.session_token=[^;]+/.exec(res.headers.get("set-cookie") ?? "")![0];
  const [person, link] = await Promise.all([
    db.person.findFirstOrThrow({ select: { id: true } }),
    db.link.findFirstOrThrow({ select: { id: true } }),
  ]);
  cases = fuzzCases({
    openapi: await (await getOpenApi()).json(),
    appDir: path.join(projectRoot, "app"),
    samples: { documentId: "daxing-cppcc-2023-speeches-01", personId: person.id, linkId: link.id, planPath: "3.2" },
    origin: SITE,
    editorCookie,
    // /api/health reads Next's request scope (connection()), which exists only in a real server:
    // it is fuzzed over HTTP (tests/e2e/fuzz.spec.ts).
  }).filter((c) => !c.url.startsWith("/api/health"));
});

afterAll(async () => {
  await getDb().editor.updateMany({ where: { username: editorName.toLowerCase() }, data: { disabled: true } });
});

describe("fuzz: every route, hostile parameters, methods and bodies", () => {
  it("answers every case with a 4xx or better: API errors in the JSON error shape, CORS on reads only", async () => {
    const before = await counts();
    const report = await runFuzz(cases, inProcess, { concurrency: 4 });
    console.log(`[fuzz in-process] ${describeReport(report)}`);
    expect(report.total).toBeGreaterThan(3000);
    expect(report.failures).toEqual([]);
    expect([...report.statuses.keys()].filter((s) => s >= 500)).toEqual([]);
    // Hostile input is refused before it reaches the database; nothing is written by the editor's writes either.
    expect(report.statuses.get(400)).toBeGreaterThan(500);
    expect(report.statuses.get(405)).toBeGreaterThan(50);
    expect(await counts()).toEqual(before);
  }, 300_000);

  it("covers every API operation and every page", () => {
    const labels = new Set(cases.map((c) => c.label.split(" ").slice(0, 2).join(" ")));
    for (const op of [
      "GET /api/v1/suggest",
      "PATCH /api/v1/links/{id}",
      "POST /api/v1/links",
      "GET /api/v1/coverage",
    ]) {
      expect(labels, op).toContain(op);
    }
    for (const page of ["GET /", "GET /speeches/[id]", "GET /search", "GET /compare", "GET /coverage"]) {
      expect(labels, page).toContain(page);
    }
    expect(cases.some((c) => c.asEditor)).toBe(true);
  });
});
