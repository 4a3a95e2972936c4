import { describe, expect, it } from "vitest";
import { API_ROUTES, matchApiRoute } from "@/lib/api/routes";
import { httpPolicy, PAGE_ALLOW, policyResponse } from "@/lib/security/http-policy";

const respond = (method: string, path: string, action = false) => {
  const d = httpPolicy(method, path, action);
  if (d.action !== "respond") throw new Error(`${method} ${path} passed`);
  return d;
};
const pass = (method: string, path: string, action = false) => {
  const d = httpPolicy(method, path, action);
  if (d.action !== "pass") throw new Error(`${method} ${path} answered ${d.status}`);
  return d;
};

describe("API route table", () => {
  it("knows each route's methods, from the OpenAPI operations", () => {
    expect(matchApiRoute("/api/v1/documents")?.methods).toEqual(["GET", "HEAD"]);
    expect(matchApiRoute("/api/v1/links/abc")?.methods).toEqual(["GET", "PATCH", "HEAD"]);
    expect(matchApiRoute("/api/v1/links")?.methods).toEqual(["POST"]);
    expect(matchApiRoute("/api/v1/plan/nodes/3.2/links")?.path).toBe("/api/v1/plan/nodes/{path}/links");
    expect(matchApiRoute("/api/health")?.publicRead).toBe(true);
    expect(matchApiRoute("/api/auth/sign-in/username")?.publicRead).toBe(false);
    expect(matchApiRoute("/api/v1/documents/a/b/c")).toBeNull();
    expect(matchApiRoute("/api/v1/nothing")).toBeNull();
    expect(API_ROUTES.every((r) => r.path.startsWith("/api/"))).toBe(true);
  });
});

describe("CORS", () => {
  it("lets any site read the public API, errors included", () => {
    for (const path of ["/api/v1/documents", "/api/v1/documents/x", "/api/health", "/api/v1/openapi.json"]) {
      expect(pass("GET", path).headers["access-control-allow-origin"]).toBe("*");
      expect(pass("HEAD", path).headers["access-control-allow-origin"]).toBe("*");
    }
    expect(respond("GET", "/api/v1/nothing").headers["access-control-allow-origin"]).toBe("*");
    expect(pass("GET", "/api/v1/links/abc").headers["access-control-allow-origin"]).toBe("*");
  });

  it("answers the preflight of a read with methods, headers and a max age", () => {
    const d = respond("OPTIONS", "/api/v1/search");
    expect(d.status).toBe(204);
    expect(d.headers).toMatchObject({
      allow: "GET, HEAD, OPTIONS",
      "access-control-allow-origin": "*",
      "access-control-allow-methods": "GET, HEAD, OPTIONS",
      "access-control-max-age": "7200",
    });
    expect(d.headers["access-control-allow-headers"]).toContain("Content-Type");
  });

  it("never enables a write or the auth routes for another site", () => {
    expect(pass("POST", "/api/v1/links").headers).toEqual({});
    expect(pass("PATCH", "/api/v1/links/abc").headers).toEqual({});
    // The preflight of a write names the route's methods but grants nothing to another origin.
    const preflight = respond("OPTIONS", "/api/v1/links");
    expect(preflight.headers).toEqual({ allow: "POST, OPTIONS" });
    expect(respond("OPTIONS", "/api/v1/links/abc").headers["access-control-allow-methods"]).toBe("GET, HEAD, OPTIONS");
    expect(pass("GET", "/api/auth/get-session").headers).toEqual({});
    expect(pass("POST", "/api/auth/sign-in/username").headers).toEqual({});
    expect(respond("OPTIONS", "/api/auth/get-session").headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("has no CORS on pages", () => {
    expect(pass("GET", "/speeches").headers).toEqual({});
    expect(pass("GET", "/api").headers).toEqual({});
  });
});

describe("methods", () => {
  it("answers 405 with Allow and the JSON error body for a method an API route does not take", async () => {
    for (const [method, path, allow] of [
      ["PUT", "/api/v1/documents", "GET, HEAD, OPTIONS"],
      ["DELETE", "/api/v1/links/abc", "GET, PATCH, HEAD, OPTIONS"],
      ["GET", "/api/v1/links", "POST, OPTIONS"],
      ["TRACE", "/api/health", "GET, HEAD, OPTIONS"],
      ["PROPFIND", "/api/v1/search", "GET, HEAD, OPTIONS"],
      ["POST", "/api/v1/documents", "GET, HEAD, OPTIONS"],
    ] as const) {
      const d = respond(method, path);
      expect(d.status, `${method} ${path}`).toBe(405);
      expect(d.headers.allow).toBe(allow);
      expect(d.error?.code).toBe("method_not_allowed");
      // No CORS on a method other sites may not use.
      expect(d.headers["access-control-allow-origin"]).toBeUndefined();
      const res = policyResponse(d, { "x-content-type-options": "nosniff" });
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(await res.json()).toEqual({ error: { code: "method_not_allowed", message: expect.any(String) } });
    }
  });

  it("answers a JSON 404 for a path under /api/ that is no route, whatever the method", () => {
    expect(respond("GET", "/api/v2/documents").error?.code).toBe("not_found");
    expect(respond("POST", "/api/v1/nope").status).toBe(404);
    expect(respond("POST", "/api/v1/nope").headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("lets pages be read, and Next's server actions post; anything else is a 405", async () => {
    pass("GET", "/");
    pass("HEAD", "/speeches/x");
    pass("POST", "/editor", true);
    const options = respond("OPTIONS", "/");
    expect(options.status).toBe(204);
    expect(options.headers.allow).toBe(PAGE_ALLOW);
    for (const method of ["POST", "PUT", "DELETE", "PATCH", "TRACE", "PROPFIND"]) {
      const d = respond(method, "/speeches");
      expect(d.status).toBe(405);
      expect(d.headers.allow).toBe(PAGE_ALLOW);
      expect(d.error).toBeNull();
      expect(await policyResponse(d, {}).text()).toMatch(/^405 Method Not Allowed/);
    }
    // The API docs page is a page, not an API route.
    expect(respond("DELETE", "/api").error).toBeNull();
  });
});
