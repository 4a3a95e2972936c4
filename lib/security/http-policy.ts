/**
 * What a request's method and path may do, decided before any route runs (proxy.ts, and the
 * server entry for TRACE, which Next cannot even turn into a Request): pass it on (with the CORS
 * headers its response must carry), or answer it here — a preflight, a 405 with Allow, a JSON 404
 * for a path under /api/ that is no route. Pure: data in, data out.
 */
import { allowOf, isApiPath, matchApiRoute } from "../api/routes";

/**
 * The public read API's CORS policy: any site may read (no credentials are involved: reads need
 * none, and writes are never CORS-enabled, so a browser refuses a cross-site write at its preflight).
 */
export const READ_CORS: Readonly<Record<string, string>> = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "Content-Disposition, Retry-After",
};

export const PREFLIGHT_CORS: Readonly<Record<string, string>> = {
  ...READ_CORS,
  "access-control-allow-methods": "GET, HEAD, OPTIONS",
  "access-control-allow-headers":
    "Accept, Accept-Language, Content-Language, Content-Type, If-None-Match, If-Modified-Since",
  "access-control-max-age": "7200",
};

/** Methods of a page: reading, and Next's server actions (a POST carrying a Next-Action header). */
export const PAGE_ALLOW = "GET, HEAD, OPTIONS";

export type PolicyDecision =
  | { action: "pass"; headers: Record<string, string> }
  | {
      action: "respond";
      status: number;
      headers: Record<string, string>;
      /** JSON error under /api/ (the API's contract), plain text for pages. */
      error: { code: string; message: string } | null;
      text: string | null;
    };

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Paths whose GET, HEAD and OPTIONS carry CORS even when no route matches (a 404 of the public API). */
const isPublicApiPath = (pathname: string) =>
  pathname.startsWith("/api/v1/") || pathname === "/api/health" || pathname === "/api/health/";

export function httpPolicy(method: string, pathname: string, hasServerAction: boolean): PolicyDecision {
  const m = method.toUpperCase();
  if (!isApiPath(pathname)) {
    if (m === "GET" || m === "HEAD" || (m === "POST" && hasServerAction)) return { action: "pass", headers: {} };
    if (m === "OPTIONS") return respond(204, { allow: PAGE_ALLOW }, null);
    return respond(405, { allow: PAGE_ALLOW }, null, `405 Method Not Allowed: this page answers ${PAGE_ALLOW}.\n`);
  }
  const route = matchApiRoute(pathname);
  const publicRead = route ? route.publicRead : isPublicApiPath(pathname);
  const cors = publicRead && READS.has(m) ? (m === "OPTIONS" ? PREFLIGHT_CORS : READ_CORS) : {};
  if (!route) {
    return respond(404, { ...cors }, { code: "not_found", message: `No API endpoint at ${pathname}.` });
  }
  const allow = allowOf(route);
  if (m === "OPTIONS") return respond(204, { allow, ...cors }, null);
  if (!(route.methods as readonly string[]).includes(m)) {
    return respond(405, { allow, ...cors }, { code: "method_not_allowed", message: `${route.path} answers ${allow}.` });
  }
  return { action: "pass", headers: { ...cors } };
}

function respond(
  status: number,
  headers: Record<string, string>,
  error: { code: string; message: string } | null,
  text: string | null = null,
): PolicyDecision {
  return { action: "respond", status, headers, error, text };
}

/** A decision's response as a Response (the proxy's), with the security headers given. */
export function policyResponse(
  decision: Extract<PolicyDecision, { action: "respond" }>,
  securityHeaders: Record<string, string>,
): Response {
  const headers = new Headers({ ...securityHeaders, ...decision.headers, "cache-control": "no-store" });
  if (decision.error) {
    headers.set("content-type", "application/json");
    return new Response(JSON.stringify({ error: decision.error }), { status: decision.status, headers });
  }
  if (decision.text) headers.set("content-type", "text/plain; charset=utf-8");
  return new Response(decision.text, { status: decision.status, headers });
}
