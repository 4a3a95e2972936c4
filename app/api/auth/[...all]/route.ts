import { apiError, withApiErrors } from "@/lib/api/http";
import { AUTH_BASE_PATH, AUTH_ERROR } from "@/lib/auth/codes";
import { checkSameOrigin } from "@/lib/auth/origin";
import { getAuth } from "@/lib/auth/server";
import { env } from "@/lib/env";

/**
 * Better Auth's endpoints, only the ones editors use: sign in by name, sign out, read the session.
 * Everything else it offers (sign-up, email sign-in, profile and password changes, account
 * deletion) answers 404: editors are managed with `npm run editor:add` / `editor:disable`.
 */
const ROUTED = new Set(["POST /sign-in/username", "POST /sign-out", "GET /get-session"]);

async function handle(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname.slice(AUTH_BASE_PATH.length).replace(/\/+$/, "");
  if (!ROUTED.has(`${request.method} ${path}`)) {
    return apiError(404, "not_found", `No auth endpoint ${request.method} ${AUTH_BASE_PATH}${path}.`);
  }
  // Better Auth checks the origin of requests that carry a cookie; a first sign-in carries none,
  // and must come from our own login page too (no signing a browser in from another site).
  if (request.method === "POST") {
    const origin = checkSameOrigin(request.headers, env.PUBLIC_URL, request.url);
    if (!origin.ok) return apiError(403, AUTH_ERROR.crossSite, origin.reason);
  }
  return getAuth().handler(request);
}

export const GET = withApiErrors(handle);
export const POST = withApiErrors(handle);
