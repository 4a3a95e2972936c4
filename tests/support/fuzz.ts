/**
 * A structured fuzz of every route: the OpenAPI document's operations and the app's pages (found
 * in app/), with hostile query parameters, path parameters, methods and — for the write routes —
 * bodies, sent anonymously and as an editor. The same cases run in-process in the integration
 * suite (tests/integration/fuzz.test.ts: the proxy and the route handlers) and over HTTP against a
 * running server (tests/e2e/fuzz.spec.ts, `npm run test:faults`): give `runFuzz` a `send`.
 *
 * What must hold, whatever the input: no 5xx; an API 4xx carries the JSON error body
 * `{ error: { code, message } }`; a page never shows the error boundary; the public API's reads
 * carry CORS and its writes do not; every response carries the security headers (over HTTP).
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { matchApiRoute } from "../../lib/api/routes";

export interface FuzzCase {
  method: string;
  /** Path and query as sent: already percent-encoded, hostile bytes included. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** What the case is about, for reports: "GET /api/v1/search q=%00". */
  label: string;
  kind: "api" | "page";
  /** Sent with the editor's session cookie (and a same-origin Origin). */
  asEditor: boolean;
}

export interface FuzzResult {
  case: FuzzCase;
  status: number;
  headers: Headers;
  body: string;
}

export interface FuzzSamples {
  /** Real ids, so that a hostile query parameter meets a real subject too. */
  documentId: string;
  personId: string;
  linkId: string;
  planPath: string;
  topicSlug?: string;
}

/** Hostile text, percent-encoded as a raw client would send it (a lone surrogate cannot be encoded by a browser). */
export const HOSTILE_VALUES: readonly string[] = [
  "%00",
  "a%00b",
  "%00%00%00",
  "%01",
  "%07",
  "%09",
  "%0A",
  "%0D%0A",
  "%7F",
  "%C2%85", // C1 next line
  "%C2%9F",
  "%ED%A0%80", // a lone high surrogate in UTF-8 (not UTF-8 at all)
  "%ED%BF%BF", // a lone low surrogate in UTF-8
  "%EF%BF%BD",
  "%EF%BF%BE",
  "%EF%BB%BF", // BOM
  "%E2%80%AE", // right-to-left override
  "%F0%9F%98%80", // emoji
  "%F0%A0%80%80", // CJK extension B
  "%FF%FE",
  "%C0%AF", // overlong /
  "%E0%A4", // truncated
  "%",
  "%25",
  "%%",
  "%zz",
  "%2F",
  "..%2F..%2Fetc%2Fpasswd",
  "%5C",
  "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  "'%20OR%201%3D1%20--",
  "%22",
  "-1",
  "0",
  "1e309",
  "NaN",
  "99999999999999999999999",
  "true",
  "%5B%5D",
  "%7B%7D",
  "%20",
  "",
  "x".repeat(5000),
  "%E4%B8%AD".repeat(2500), // 2,500 Chinese characters
  "%F0%9F%98%80".repeat(300),
];

/** Methods beside the ones a route takes; TRACE and friends only over HTTP (Fetch cannot even build them). */
export const HOSTILE_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE", "PROPFIND"] as const;
export const HTTP_ONLY_METHODS = ["TRACE", "TRACK"] as const;

/** Query parameters the pages read (and one they do not). */
export const PAGE_QUERY_PARAMS = [
  "q",
  "kind",
  "source",
  "person",
  "year",
  "sort",
  "page",
  "view",
  "hl",
  "document",
  "plan",
  "status",
  "next",
  "topic",
  "format",
  "x",
] as const;

interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: "path" | "query" }[];
        requestBody?: { content: Record<string, { schema: { $ref: string } }> };
      }
    >
  >;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

/** Page routes from app/**\/page.tsx: "/speeches/[id]" style, route groups and private folders skipped. */
export function pageRoutes(appDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, route: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith("_")) continue;
        const segment = /^\(.*\)$/.test(entry.name) ? "" : `/${entry.name}`;
        walk(path.join(dir, entry.name), `${route}${segment}`);
      } else if (entry.name === "page.tsx") {
        out.push(route || "/");
      }
    }
  };
  walk(appDir, "");
  return out.sort();
}

/** A real value for a path parameter of an API path or page route, from the samples. */
function sampleFor(route: string, param: string, s: FuzzSamples): string {
  if (param === "path" || param === "chapter") return param === "chapter" ? s.planPath.split(".")[0]! : s.planPath;
  if (param === "slug") return s.topicSlug ?? "ecology";
  if (route.includes("/people/")) return s.personId;
  if (route.includes("/links/")) return s.linkId;
  return s.documentId;
}

const fill = (template: string, params: Record<string, string>) =>
  template.replace(/\{(\w+)\}|\[(\w+)\]/g, (_, a: string | undefined, b: string | undefined) => params[(a ?? b)!]!);

const paramsOf = (template: string) => [...template.matchAll(/\{(\w+)\}|\[(\w+)\]/g)].map((m) => (m[1] ?? m[2])!);

/** Hostile JSON bodies for a write route, given its schema's field names. */
export function hostileBodies(fields: readonly string[]): { body: string; contentType: string; label: string }[] {
  const json = "application/json";
  const out: { body: string; contentType: string; label: string }[] = [
    { body: "", contentType: json, label: "empty body" },
    { body: "null", contentType: json, label: "null" },
    { body: "[]", contentType: json, label: "array" },
    { body: "{}", contentType: json, label: "{}" },
    { body: "{", contentType: json, label: "broken JSON" },
    { body: '"\\u0000"', contentType: json, label: "a string" },
    { body: "[".repeat(20_000) + "]".repeat(20_000), contentType: json, label: "deep nesting" },
    { body: JSON.stringify({ x: "y".repeat(70_000) }), contentType: json, label: "70 kB" },
    { body: "{}", contentType: "text/plain", label: "text/plain" },
    { body: "{}", contentType: "application/x-www-form-urlencoded", label: "form" },
    { body: "{}", contentType: "application/json; charset=utf-16", label: "utf-16" },
    { body: '{"__proto__":{"admin":true}}', contentType: json, label: "__proto__" },
    { body: "\uFEFF{}", contentType: json, label: "BOM" },
  ];
  const values: [string, string][] = [
    ['"\\u0000"', "NUL"],
    ['"a\\u0000b"', "inner NUL"],
    ['"\\ud800"', "lone surrogate"],
    ['"\\udfff\\ud800"', "reversed surrogates"],
    ['"\\u0007"', "BEL"],
    [JSON.stringify("中".repeat(5000)), "5,000 characters"],
    ["12345678901234567890", "huge number"],
    ["-1", "-1"],
    ["1.5", "1.5"],
    ["true", "true"],
    ["null", "null"],
    ["[]", "[]"],
    ["{}", "{}"],
    ['["\\u0000"]', "[NUL]"],
    ['[{"rank":-1,"paragraphId":"\\u0000"}]', "bad reattach"],
    ['"../../etc/passwd"', "path"],
    ['"<script>alert(1)</script>"', "markup"],
  ];
  for (const field of fields) {
    for (const [value, label] of values) {
      out.push({ body: `{"${field}":${value}}`, contentType: json, label: `${field}=${label}` });
    }
  }
  return out;
}

export interface FuzzOptions {
  openapi: OpenApiDoc;
  appDir: string;
  samples: FuzzSamples;
  /** Origin for the same-origin headers of the editor's writes (http://localhost:3000). */
  origin: string;
  /** The editor's session cookie; without it, no editor cases. */
  editorCookie?: string;
  /** Include TRACE/TRACK (a real server only). */
  httpOnlyMethods?: boolean;
  /** At most this many hostile values per page and parameter (pages are slow to render). */
  pageValues?: number;
}

/** Every case: deterministic, so a failure is reproduced by its label. */
export function fuzzCases(o: FuzzOptions): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const methods: readonly string[] = [...HOSTILE_METHODS, ...(o.httpOnlyMethods ? HTTP_ONLY_METHODS : [])];
  const add = (c: Omit<FuzzCase, "headers" | "asEditor"> & { headers?: Record<string, string>; asEditor?: boolean }) =>
    cases.push({ headers: {}, asEditor: false, ...c });

  // ---- the API, from its OpenAPI document ------------------------------------------------------
  const apiPaths = [...Object.keys(o.openapi.paths), "/api/health", "/api/v1/openapi.json"];
  for (const template of new Set(apiPaths)) {
    const operations = o.openapi.paths[template] ?? { get: {} };
    const pathParams = paramsOf(template);
    const real = Object.fromEntries(pathParams.map((p) => [p, encodeURIComponent(sampleFor(template, p, o.samples))]));
    const realUrl = fill(template, real);
    for (const method of methods) add({ method, url: realUrl, label: `${method} ${template}`, kind: "api" });
    for (const p of pathParams) {
      for (const v of HOSTILE_VALUES) {
        if (v === "") continue;
        const url = fill(template, { ...real, [p]: v });
        add({ method: "GET", url, label: `GET ${template} ${p}=${v.slice(0, 40)}`, kind: "api" });
      }
    }
    for (const [method, op] of Object.entries(operations)) {
      const query = (op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
      for (const q of [...query, "unknownParam"]) {
        for (const v of HOSTILE_VALUES) {
          const needsQ = query.includes("q") && q !== "q" ? "q=%E4%BA%A7%E4%B8%9A&" : "";
          add({
            method: method.toUpperCase(),
            url: `${realUrl}?${needsQ}${q}=${v}`,
            label: `${method.toUpperCase()} ${template} ${q}=${v.slice(0, 40)}`,
            kind: "api",
          });
        }
        add({
          method: method.toUpperCase(),
          url: `${realUrl}?${q}=a&${q}=%00&${q}=`,
          label: `${method.toUpperCase()} ${template} ${q} repeated`,
          kind: "api",
        });
      }
      if (op.requestBody) {
        const ref = op.requestBody.content["application/json"]!.schema.$ref.split("/").pop()!;
        const fields = Object.keys(o.openapi.components.schemas[ref]?.properties ?? {});
        for (const b of hostileBodies(fields)) {
          for (const asEditor of o.editorCookie ? [false, true] : [false]) {
            add({
              method: method.toUpperCase(),
              // A write goes to a subject that does not exist unless its path names none: a fuzz never changes real data.
              url: fill(template, Object.fromEntries(pathParams.map((p) => [p, "fuzz-no-such-id"]))),
              headers: { "content-type": b.contentType, origin: o.origin },
              body: b.body,
              label: `${method.toUpperCase()} ${template} ${asEditor ? "editor" : "anonymous"} ${b.label}`,
              kind: "api",
              asEditor,
            });
          }
        }
      }
    }
  }
  for (const v of [
    "/api/v1/nothing",
    "/api/v2/documents",
    "/api/v1/documents/a/b/c",
    "/api/%00",
    "/api/v1/%ED%A0%80",
  ]) {
    add({ method: "GET", url: v, label: `GET ${v}`, kind: "api" });
  }

  // ---- the pages, from app/ ------------------------------------------------------------------------
  const perPage = o.pageValues ?? HOSTILE_VALUES.length;
  for (const route of pageRoutes(o.appDir)) {
    if (route === "/logout") continue; // signs the editor out; its GET is a page that asks first
    const pathParams = paramsOf(route);
    const real = Object.fromEntries(pathParams.map((p) => [p, encodeURIComponent(sampleFor(route, p, o.samples))]));
    const realUrl = fill(route, real);
    for (const method of methods) add({ method, url: realUrl, label: `${method} ${route}`, kind: "page" });
    for (const p of pathParams) {
      for (const v of HOSTILE_VALUES) {
        if (v === "") continue;
        add({
          method: "GET",
          url: fill(route, { ...real, [p]: v }),
          label: `GET ${route} ${p}=${v.slice(0, 40)}`,
          kind: "page",
        });
      }
    }
    // Each hostile value in one parameter, the parameter turning with the value: every pair over the pages.
    HOSTILE_VALUES.slice(0, perPage).forEach((v, i) => {
      const q = PAGE_QUERY_PARAMS[(i + route.length) % PAGE_QUERY_PARAMS.length]!;
      const extra = route === "/compare" ? `document=${real.id ?? encodeURIComponent(o.samples.documentId)}&` : "";
      add({
        method: "GET",
        url: `${realUrl}?${extra}${q}=${v}`,
        label: `GET ${route} ${q}=${v.slice(0, 40)}`,
        kind: "page",
      });
    });
  }
  return cases;
}

/**
 * Pages: markers of Next's error boundary in the HTML — a streamed error's digest (a number; a
 * redirect or notFound() carries NEXT_REDIRECT… / NEXT_HTTP_ERROR_FALLBACK… instead), or our error page.
 */
const ERROR_BOUNDARY = [/\$RX\("[^"]*","\d+"/, /data-dgst="\d+"/, /页面出错了/];

/** Problems of one answer, none when it is fine. */
export function checkResult(r: FuzzResult, { securityHeaders = true } = {}): string[] {
  const problems: string[] = [];
  const c = r.case;
  if (r.status >= 500) problems.push(`status ${r.status}`);
  if (c.kind === "api") {
    if (r.status >= 400 && c.method !== "HEAD") {
      let body: unknown = null;
      try {
        body = JSON.parse(r.body);
      } catch {
        problems.push(`${r.status} body is not JSON: ${r.body.slice(0, 80)}`);
      }
      const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
      if (body !== null && (typeof error?.code !== "string" || typeof error?.message !== "string")) {
        problems.push(`${r.status} body is not { error: { code, message } }: ${r.body.slice(0, 80)}`);
      }
    }
    if (r.status === 405 && !r.headers.get("allow")) problems.push("405 without Allow");
    // The editor's cases must get past the session check, to the parsing they are meant to try.
    if (c.asEditor && (r.status === 401 || r.status === 403)) problems.push(`editor refused (${r.status})`);
    const acao = r.headers.get("access-control-allow-origin");
    const pathname = c.url.split("?")[0]!;
    const route = matchApiRoute(pathname);
    const publicRead =
      (route ? route.publicRead : /^\/api\/(v1\/|health)/.test(pathname)) &&
      ["GET", "HEAD", "OPTIONS"].includes(c.method);
    if (publicRead && acao !== "*") problems.push(`public read without CORS (${r.status})`);
    if (!["GET", "HEAD", "OPTIONS"].includes(c.method) && acao) problems.push(`CORS on ${c.method}`);
  } else if (r.status === 200 && ERROR_BOUNDARY.some((re) => re.test(r.body))) {
    problems.push("200 with the error boundary");
  }
  if (securityHeaders) {
    if (r.headers.get("x-content-type-options") !== "nosniff") problems.push("no X-Content-Type-Options");
    if (!r.headers.get("content-security-policy")?.includes("frame-ancestors 'none'")) problems.push("no CSP");
    if (r.headers.get("x-frame-options") !== "DENY") problems.push("no X-Frame-Options");
    if (!r.headers.get("referrer-policy")) problems.push("no Referrer-Policy");
    if (!r.headers.get("permissions-policy")) problems.push("no Permissions-Policy");
  }
  return problems;
}

export type Send = (c: FuzzCase) => Promise<{ status: number; headers: Headers; body: string }>;

export interface FuzzReport {
  total: number;
  statuses: Map<number, number>;
  failures: { label: string; problems: string[] }[];
}

/** Runs the cases with a few at a time, and checks every answer. */
export async function runFuzz(
  cases: readonly FuzzCase[],
  send: Send,
  { concurrency = 4, securityHeaders = true } = {},
): Promise<FuzzReport> {
  const statuses = new Map<number, number>();
  const failures: FuzzReport["failures"] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++]!;
      let result: FuzzResult;
      try {
        result = { case: c, ...(await send(c)) };
      } catch (error) {
        failures.push({ label: c.label, problems: [`threw: ${(error as Error).message}`] });
        continue;
      }
      statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
      const problems = checkResult(result, { securityHeaders });
      if (problems.length) failures.push({ label: c.label, problems });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { total: cases.length, statuses, failures };
}

/**
 * Sends a case to a running server over HTTP with node:http: the path goes out byte for byte (no
 * URL normalisation), and TRACE too (fetch refuses to send it).
 */
export function httpSender(baseUrl: string, editorCookie?: string): Send {
  const base = new URL(baseUrl);
  return (c) =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string> = { ...c.headers };
      if (c.asEditor && editorCookie) headers.cookie = editorCookie;
      if (c.body !== undefined) headers["content-length"] = String(Buffer.byteLength(c.body));
      const req = http.request(
        { host: base.hostname, port: base.port, method: c.method, path: c.url, headers, timeout: 30_000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            const out = new Headers();
            for (const [k, v] of Object.entries(res.headers)) {
              if (v !== undefined) out.set(k, Array.isArray(v) ? v.join(", ") : v);
            }
            resolve({ status: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks).toString("utf8") });
          });
          res.on("error", reject);
        },
      );
      req.on("timeout", () => req.destroy(new Error("no answer within 30 s")));
      req.on("error", reject);
      req.end(c.body);
    });
}

/** A short summary for a log: "1234 requests: 200×800 400×300 …; 0 failures". */
export function describeReport(r: FuzzReport): string {
  const statuses = [...r.statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
  const head = r.failures.slice(0, 20).map((f) => `  ${f.label}: ${f.problems.join("; ")}`);
  return `${r.total} requests: ${statuses.join(" ")}; ${r.failures.length} failures${head.length ? `\n${head.join("\n")}` : ""}`;
}
