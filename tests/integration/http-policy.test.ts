/**
 * proxy.ts as Next runs it: security headers on a page, an API answer, an error and a preflight;
 * HSTS only under an https PUBLIC_URL; and the proxy's route table (lib/api/routes.ts) against the
 * route modules in app/api/.
 */
import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { API_ROUTES, matchApiRoute } from "@/lib/api/routes";
import { projectRoot } from "@/lib/infra/paths";

const SITE = "http://localhost:3000";

async function loadProxy(publicUrl?: string) {
  vi.resetModules();
  if (publicUrl) vi.stubEnv("PUBLIC_URL", publicUrl);
  return (await import("@/proxy")).proxy;
}
afterEach(() => vi.unstubAllEnvs());

type Init = { method?: string; body?: string; headers?: Record<string, string> };
const call = async (proxy: Awaited<ReturnType<typeof loadProxy>>, url: string, init: Init = {}) =>
  proxy(
    new NextRequest(`${SITE}${url}`, {
      method: init.method,
      body: init.body,
      headers: { host: "localhost:3000", ...init.headers },
    }),
  );

describe("proxy headers", () => {
  it("gives a page a nonce'd CSP, and hands Next the same nonce on the request", async () => {
    const proxy = await loadProxy();
    const res = await call(proxy, "/speeches");
    const csp = res.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(csp).toContain("frame-ancestors 'none'");
    // Next reads the nonce from the request's CSP header, passed on as an override.
    expect(res.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(res.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("strict-transport-security")).toBeNull();
    // The not-found rewrite of an unknown document gets them too.
    const missing = await call(proxy, "/speeches/no-such-document");
    expect(missing.headers.get("x-middleware-rewrite")).toContain("/_not-found");
    expect(missing.headers.get("content-security-policy")).toMatch(/'nonce-/);
    // A NUL in an id is no id: 404, not a database error.
    expect((await call(proxy, "/people/%00")).headers.get("x-middleware-rewrite")).toContain("/_not-found");
  });

  it("gives API answers, errors and preflights a load-nothing policy, and CORS on reads", async () => {
    const proxy = await loadProxy();
    const read = await call(proxy, "/api/v1/documents");
    expect(read.headers.get("content-security-policy")).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
    );
    expect(read.headers.get("access-control-allow-origin")).toBe("*");
    const broken = await call(proxy, "/api/v1/documents/%E0%A4%A");
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: { code: "invalid_path" } });
    expect(broken.headers.get("access-control-allow-origin")).toBe("*");
    expect(broken.headers.get("x-frame-options")).toBe("DENY");
    const unknown = await call(proxy, "/api/v1/nothing");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("x-content-type-options")).toBe("nosniff");
    const preflight = await call(proxy, "/api/v1/search", {
      method: "OPTIONS",
      headers: { origin: "https://elsewhere.example", "access-control-request-method": "GET" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
    expect(preflight.headers.get("access-control-max-age")).toBe("7200");
    const write = await call(proxy, "/api/v1/links", { method: "POST", body: "{}" });
    expect(write.headers.get("x-middleware-next")).toBe("1");
    expect(write.headers.get("access-control-allow-origin")).toBeNull();
    const trace = await call(proxy, "/speeches", { method: "DELETE" });
    expect(trace.status).toBe(405);
    expect(trace.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });

  it("sends HSTS and upgrades sub-requests only when PUBLIC_URL is https", async () => {
    const proxy = await loadProxy("https://policy.example.org");
    for (const url of ["/", "/api/v1/plan", "/api/v1/nothing"]) {
      expect((await call(proxy, url)).headers.get("strict-transport-security"), url).toBe(
        "max-age=31536000; includeSubDomains",
      );
    }
    expect((await call(proxy, "/")).headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    const plain = await loadProxy("http://10.0.0.5:3000");
    expect((await call(plain, "/")).headers.get("strict-transport-security")).toBeNull();
  });
});

describe("the proxy's route table", () => {
  /** app/api/v1/documents/[id]/route.ts → /api/v1/documents/{id}; [...all] → {...}. */
  const routeFiles = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      return e.isDirectory() ? routeFiles(full) : e.name === "route.ts" ? [full] : [];
    });

  it("has every route module of app/api with the methods it exports", async () => {
    const files = routeFiles(path.join(projectRoot, "app", "api"));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const template = `/${path.relative(path.join(projectRoot, "app"), path.dirname(file)).split(path.sep).join("/")}`
        .replace(/\[\.\.\.\w+\]/g, "{...}")
        .replace(/\[(\w+)\]/g, "{$1}");
      const route = API_ROUTES.find((r) => r.path === template);
      expect(route, template).toBeDefined();
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      const exported = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof mod[m] === "function");
      expect([...route!.methods].filter((m) => m !== "HEAD").sort(), template).toEqual(exported.sort());
      const sample = template.replace(/\{\.\.\.\}/, "get-session").replace(/\{\w+\}/g, "x");
      expect(matchApiRoute(sample)?.path, sample).toBe(template);
    }
  });
});
