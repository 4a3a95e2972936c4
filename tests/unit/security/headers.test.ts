import { describe, expect, it } from "vitest";
import {
  baseSecurityHeaders,
  createNonce,
  pagePolicy,
  pageSecurityHeaders,
  RESOURCE_POLICY,
  resourceSecurityHeaders,
} from "@/lib/security/headers";

const directives = (policy: string) =>
  new Map(
    policy.split("; ").map((d) => {
      const [name, ...values] = d.split(" ");
      return [name!, values] as const;
    }),
  );

describe("security headers", () => {
  it("makes a fresh, unguessable nonce for every response", () => {
    const nonces = new Set(Array.from({ length: 200 }, createNonce));
    expect(nonces.size).toBe(200);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/); // 128 bits, base64
  });

  it("lets a page run only scripts with its nonce, never eval in production, and embeds nowhere", () => {
    const policy = directives(pagePolicy("abc123", { https: false }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get("style-src-elem")).toEqual(["'self'", "'nonce-abc123'"]);
    // Style attributes only: React's style props and ECharts' SVG text.
    expect(policy.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
    const all = pagePolicy("abc123", { https: false });
    expect(all).not.toContain("unsafe-eval");
    expect(all.replace("style-src-attr 'unsafe-inline'", "")).not.toContain("unsafe-inline");
  });

  it("allows eval only for `next dev`, and upgrades sub-requests under https", () => {
    expect(directives(pagePolicy("n", { https: false, dev: true })).get("script-src")).toContain("'unsafe-eval'");
    expect(directives(pagePolicy("n", { https: true })).has("upgrade-insecure-requests")).toBe(true);
  });

  it("gives everything that is not a page a policy that loads nothing", () => {
    expect(RESOURCE_POLICY).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
    expect(resourceSecurityHeaders({ https: false })["content-security-policy"]).toBe(RESOURCE_POLICY);
  });

  it("sends nosniff, a referrer policy, no framing and no powerful features on every response", () => {
    const h = baseSecurityHeaders({ https: false });
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["permissions-policy"]).toContain("camera=()");
    expect(h["permissions-policy"]).toContain("geolocation=()");
    expect(h["strict-transport-security"]).toBeUndefined();
  });

  it("sends HSTS only when the public address is https", () => {
    expect(baseSecurityHeaders({ https: true })["strict-transport-security"]).toBe(
      "max-age=31536000; includeSubDomains",
    );
    expect(pageSecurityHeaders("n", { https: true })["strict-transport-security"]).toBeDefined();
    expect(pageSecurityHeaders("n", { https: false })["strict-transport-security"]).toBeUndefined();
  });
});
