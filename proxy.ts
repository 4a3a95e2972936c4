import { NextResponse, type NextRequest } from "next/server";
import { databaseGate } from "@/lib/data/database-gate";
import { readingTargetExists, readingTargetOf } from "@/lib/data/exists";
import { env } from "@/lib/env";
import { createNonce, pageSecurityHeaders, resourceSecurityHeaders } from "@/lib/security/headers";
import { httpPolicy, policyResponse } from "@/lib/security/http-policy";

const security = { https: env.PUBLIC_URL?.startsWith("https:") ?? false, dev: env.NODE_ENV === "development" };

/**
 * Settled here, before a page or route runs:
 * - Security headers on every response (the build's own assets get theirs from next.config.ts):
 *   pages a Content-Security-Policy with a fresh nonce, which Next reads from the request's CSP
 *   header and puts on its scripts; everything else a policy that loads nothing.
 * - Methods and CORS (lib/security/http-policy.ts): the preflight, 405 with Allow, a JSON 404 for a
 *   path under /api/ that is no route, and the public API's CORS headers on its reads, errors included.
 * - A path with broken percent-encoding (`/speeches/%E0%A4%A`) is a 400; Next would fail
 *   decoding its parameters with a bare 500.
 * - Unknown ids (documents, people, chapters, links; /compare's document and plan node) answer 404. A reading page streams (a loading.tsx above it, the root one at
 *   least), so its status is sent before the page's own notFound() runs and would be 200 (Next
 *   documents this for streamed responses). An unknown id is rewritten to a path no route
 *   matches, which Next answers with the root not-found page and a real 404.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const api = pathname.startsWith("/api/");
  const nonce = api ? null : createNonce();
  const securityHeaders = nonce ? pageSecurityHeaders(nonce, security) : resourceSecurityHeaders(security);
  const finish = <R extends Response>(response: R, extra: Record<string, string> = {}): R => {
    for (const [key, value] of Object.entries({ ...securityHeaders, ...extra })) response.headers.set(key, value);
    return response;
  };

  const policy = httpPolicy(request.method, pathname, request.headers.has("next-action"));
  if (policy.action === "respond") return policyResponse(policy, securityHeaders);

  try {
    decodeURIComponent(pathname);
  } catch {
    const message = "The URL path is not valid percent-encoded UTF-8.";
    return finish(
      api
        ? NextResponse.json({ error: { code: "invalid_path", message } }, { status: 400 })
        : new NextResponse(`400 Bad Request: ${message}\n`, {
            status: 400,
            headers: { "content-type": "text/plain; charset=utf-8" },
          }),
      policy.headers,
    );
  }

  // Database down (stopped, frozen): 503 before anything streams; lib/data/database-gate.ts.
  const unavailable = await databaseGate(pathname);
  if (unavailable) return finish(unavailable, policy.headers);

  // Next reads the nonce from the request's CSP header when it renders the page.
  const requestHeaders = new Headers(request.headers);
  if (nonce) {
    requestHeaders.set("content-security-policy", securityHeaders["content-security-policy"]!);
    requestHeaders.set("x-nonce", nonce);
  }
  const target = readingTargetOf(pathname, request.nextUrl.searchParams);
  if (target && !(await readingTargetExists(target))) {
    return finish(NextResponse.rewrite(new URL("/_not-found", request.url), { request: { headers: requestHeaders } }));
  }
  return finish(NextResponse.next({ request: { headers: requestHeaders } }), policy.headers);
}

// Everything but Next's own assets.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
