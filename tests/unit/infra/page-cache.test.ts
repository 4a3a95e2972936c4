import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPageCache, isCacheablePageRequest, nonceOf } from "@/lib/infra/page-cache";
import { createNonce } from "@/lib/security/headers";

/** A stand-in for Next: renders a page whose scripts carry the request's nonce, counting renders. */
let renders = 0;
let generation = 1;
let status = 200;
const cache = createPageCache({ maxBytes: 1 << 20, generations: async () => `corpus=${generation}` });
const server = http.createServer((req, res) => {
  void cache.handle(req, res, async () => {
    renders++;
    const nonce = createNonce();
    res.statusCode = status;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("content-security-policy", `script-src 'nonce-${nonce}' 'strict-dynamic'`);
    res.write(`<!doctype html><html><body><p>第${generation}版 ${req.url}</p>`);
    res.end(`<script nonce="${nonce}">self.x=1</script></body></html>`);
  });
});
let origin = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function get(path: string, headers: Record<string, string> = {}) {
  const r = await fetch(`${origin}${path}`, { headers });
  const body = await r.text();
  const nonce = nonceOf(r.headers.get("content-security-policy") ?? undefined);
  return { status: r.status, body, nonce, hit: r.headers.get("x-page-cache") === "hit" };
}

describe("page cache", () => {
  it("renders a page once per generation and gives every answer its own nonce, in header and body alike", async () => {
    const first = await get("/speeches/a");
    const second = await get("/speeches/a");
    expect(renders).toBe(1);
    expect(first.hit).toBe(false);
    expect(second.hit).toBe(true);
    expect(second.nonce).not.toBe(first.nonce);
    expect(second.body).toContain(`nonce="${second.nonce}"`);
    expect(second.body).not.toContain(first.nonce!);
    expect(second.body.replace(second.nonce!, "N")).toBe(first.body.replace(first.nonce!, "N"));

    generation++;
    const third = await get("/speeches/a");
    expect(third.hit).toBe(false);
    expect(third.body).toContain("第2版");
    expect(renders).toBe(2);
  });

  it("compresses a stored page for a client that accepts gzip", async () => {
    await get("/plan/3");
    const r = await new Promise<http.IncomingMessage>((resolve) =>
      http.get(`${origin}/plan/3`, { headers: { "accept-encoding": "gzip" } }, resolve),
    );
    const chunks: Buffer[] = [];
    for await (const c of r) chunks.push(c as Buffer);
    expect(r.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(Buffer.concat(chunks)).toString()).toContain("/plan/3");
  });

  it("never stores editors' pages, errors, the API or client navigations", async () => {
    const before = renders;
    await get("/speeches/b", { cookie: "policy-explorer.session_token=x" });
    await get("/speeches/b", { cookie: "policy-explorer.session_token=x" });
    await get("/api/v1/documents");
    await get("/api/v1/documents");
    await get("/speeches/c", { rsc: "1" });
    await get("/speeches/c", { rsc: "1" });
    status = 404;
    await get("/speeches/missing");
    const again = await get("/speeches/missing");
    status = 200;
    expect(again.hit).toBe(false);
    expect(renders - before).toBe(8);
  });

  it("tells plain page loads from the rest", () => {
    const req = (method: string, url: string, headers: http.IncomingHttpHeaders = {}) => ({ method, url, headers });
    expect(isCacheablePageRequest(req("GET", "/plan/3?x=1"))).toBe(true);
    expect(isCacheablePageRequest(req("HEAD", "/plan/3"))).toBe(false);
    expect(isCacheablePageRequest(req("GET", "/editor"))).toBe(false);
    expect(isCacheablePageRequest(req("GET", "/plan/3?_rsc=abc"))).toBe(false);
    expect(isCacheablePageRequest(req("GET", "/plan/3", { "next-router-prefetch": "1" }))).toBe(false);
  });
});
