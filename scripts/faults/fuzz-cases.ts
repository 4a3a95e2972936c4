/**
 * A small structured fuzz over the app's routes for npm run test:faults: hostile values in every
 * query parameter and path parameter, odd methods, broken bodies on the write routes. Anything
 * but a 5xx is a pass (the routes' own tests check the exact 4xx).
 */
export interface FuzzCase {
  method: string;
  path: string;
  body?: string;
}

/** Values PostgreSQL, URL decoding, zod or the renderer could choke on. */
const HOSTILE = [
  "%00",
  "a%00b",
  "%01%1F",
  "%7F",
  "%09%0D%0A",
  "%ED%A0%80", // a lone surrogate, UTF-8-encoded
  "%F0%9F%98%80",
  "%C0%AF",
  "%25",
  "'%20or%201=1--",
  "%3Cscript%3Ealert(1)%3C/script%3E",
  "..%2F..%2Fetc%2Fpasswd",
  "-1",
  "0",
  "99999999999999999999",
  "1e309",
  "NaN",
  "%E6%95%99%E8%82%B2".repeat(300),
  "x".repeat(5000),
];

const PAGES_WITH_QUERY: [string, string[]][] = [
  ["/search", ["q", "kind", "source", "person", "year", "page", "hl"]],
  ["/coverage", ["kind", "source", "status"]],
  ["/speeches", ["page", "year"]],
  ["/proposals", ["page"]],
  ["/reports", ["page"]],
  ["/people", ["page"]],
  ["/plan", ["node"]],
  ["/compare", ["document", "plan"]],
  ["/api/v1/search", ["q", "kind", "source", "person", "year", "page", "pageSize", "format"]],
  ["/api/v1/suggest", ["q", "source", "person"]],
  ["/api/v1/documents", ["kind", "page", "pageSize", "year"]],
  ["/api/v1/plan/targets", ["page", "pageSize"]],
  ["/api/v1/coverage", ["kind", "source", "status", "format"]],
];

const PATH_TEMPLATES = [
  "/speeches/{}",
  "/proposals/{}",
  "/reports/{}",
  "/people/{}",
  "/plan/{}",
  "/links/{}",
  "/api/v1/documents/{}",
  "/api/v1/documents/{}/links",
  "/api/v1/people/{}",
  "/api/v1/plan/nodes/{}",
  "/api/v1/plan/nodes/{}/links",
  "/api/v1/links/{}",
];

export function fuzzCases(real: { document: string; person: string; chapter: string; link: string }): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const [path, params] of PAGES_WITH_QUERY) {
    for (const param of params) {
      for (const value of HOSTILE) cases.push({ method: "GET", path: `${path}?${param}=${value}` });
    }
    cases.push({ method: "GET", path: `${path}?${params.map((p) => `${p}=%00`).join("&")}` });
  }
  for (const template of PATH_TEMPLATES) {
    for (const value of HOSTILE) cases.push({ method: "GET", path: template.replace("{}", value) });
  }
  const knownPaths = [
    "/",
    `/speeches/${real.document}`,
    `/people/${encodeURIComponent(real.person)}`,
    `/plan/${real.chapter}`,
    `/api/v1/documents/${real.document}`,
    `/api/v1/links/${real.link}`,
    "/api/health",
    "/robots.txt",
  ];
  for (const path of knownPaths) {
    for (const method of ["HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"]) cases.push({ method, path });
  }
  // Write routes, unauthenticated, with bodies that are not what they expect (never a 5xx).
  const bodies = ["", "{", "null", "[]", '{"status":"\\u0000"}', '{"note":"' + "长".repeat(5000) + '"}', "\u0000"];
  for (const body of bodies) {
    cases.push({ method: "POST", path: "/api/v1/links", body });
    cases.push({ method: "PATCH", path: `/api/v1/links/${real.link}`, body });
    cases.push({ method: "POST", path: "/api/auth/sign-in/username", body });
  }
  return cases;
}
