/**
 * Every API route with the methods it answers: the OpenAPI document's operations, plus the routes
 * it does not describe (health, the document itself, Better Auth's endpoints). The proxy answers
 * from this table what the route modules cannot answer well themselves: 405 with Allow and the
 * JSON error body for a method a route does not take, the CORS preflight, and a JSON 404 for a
 * path under /api/ that is no route at all. tests/integration/http-policy.test.ts checks it
 * against app/api/.
 */
import { endpoints } from "./openapi";

export type HttpMethod = "GET" | "HEAD" | "POST" | "PATCH" | "PUT" | "DELETE" | "OPTIONS";

export interface ApiRoute {
  /** As OpenAPI writes it: /api/v1/documents/{id}. */
  path: string;
  pattern: RegExp;
  /** The methods a route module implements (HEAD with GET; OPTIONS is the proxy's). */
  methods: readonly HttpMethod[];
  /** Read by anyone, from any site: the public API's CORS policy applies to its GET and HEAD. */
  publicRead: boolean;
}

/** /api/v1/links/{id} → ^/api/v1/links/[^/]+/?$ (a parameter is one non-empty segment). */
function patternOf(path: string, { prefix = false } = {}): RegExp {
  const body = path
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"))
    .join("[^/]+");
  return new RegExp(prefix ? `^${body}(/.*)?$` : `^${body}/?$`);
}

function buildRoutes(): ApiRoute[] {
  const byPath = new Map<string, Set<HttpMethod>>();
  for (const e of endpoints) {
    const set = byPath.get(e.path) ?? new Set<HttpMethod>();
    set.add((e.method ?? "get").toUpperCase() as HttpMethod);
    byPath.set(e.path, set);
  }
  byPath.set("/api/v1/openapi.json", new Set(["GET"]));
  byPath.set("/api/health", new Set(["GET"]));
  const routes: ApiRoute[] = [...byPath].map(([path, set]) => {
    const methods = [...set];
    if (set.has("GET")) methods.push("HEAD");
    return { path, pattern: patternOf(path), methods, publicRead: set.has("GET") };
  });
  // Better Auth's catch-all: the route module itself answers 404 for the endpoints it does not route.
  routes.push({
    path: "/api/auth/{...}",
    pattern: patternOf("/api/auth", { prefix: true }),
    methods: ["GET", "POST"],
    publicRead: false,
  });
  return routes;
}

export const API_ROUTES: readonly ApiRoute[] = buildRoutes();

/** Under /api/ (the API docs page is /api itself). */
export const isApiPath = (pathname: string) => pathname.startsWith("/api/");

export function matchApiRoute(pathname: string): ApiRoute | null {
  return API_ROUTES.find((r) => r.pattern.test(pathname)) ?? null;
}

/** The Allow header of a route: what it implements, and OPTIONS. */
export const allowOf = (route: ApiRoute) => [...route.methods, "OPTIONS"].join(", ");
