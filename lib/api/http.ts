import type { z } from "zod";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailableError, RETRY_AFTER_SECONDS } from "../data/availability";

export function apiError(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store" } });
}

export function apiJson(body: unknown, init: { status?: number; maxAge?: number } = {}): Response {
  return Response.json(body, {
    status: init.status ?? 200,
    headers: {
      // CORS is the proxy's (lib/security/http-policy.ts): on the public reads, never on a write's answer.
      "cache-control": init.maxAge ? `public, max-age=${init.maxAge}` : "no-store",
    },
  });
}

/** A readable 400 message from zod issues: "pageSize: Too big: expected number to be <=100". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      if (i.code === "unrecognized_keys") return `unknown parameter(s): ${i.keys.join(", ")}`;
      const where = i.path.length ? i.path.join(".") : "query";
      return `${where}: ${i.message}`;
    })
    .join("; ");
}

type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/** Query parameters as an object (the last value wins when a key repeats). */
export function searchParamsObject(url: string | URL): Record<string, string> {
  const params = new URL(url).searchParams;
  const raw: Record<string, string> = {};
  for (const [key, value] of params) raw[key] = value;
  return raw;
}

export function parseSearchParams<S extends z.ZodType>(schema: S, url: string | URL): Parsed<z.infer<S>> {
  return parseParams(schema, searchParamsObject(url));
}

export function parseParams<S extends z.ZodType>(schema: S, params: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(params);
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, response: apiError(400, "invalid_parameters", describeIssues(result.error)) };
}

/** 503 while the database cannot be reached or answer in time; clients may retry after a few seconds. */
export function databaseUnavailable(): Response {
  const response = apiError(503, "database_unavailable", DATABASE_UNAVAILABLE_MESSAGE);
  response.headers.set("retry-after", String(RETRY_AFTER_SECONDS));
  return response;
}

/**
 * Any unexpected failure becomes a JSON error with the contract's body, never an HTML page: 503
 * when the database is unreachable (stopped, frozen, timed out), else 500.
 */
export function withApiErrors<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (isDatabaseUnavailableError(error)) {
        console.error(`Database unavailable: ${(error as Error).message?.split("\n")[0]}`);
        return databaseUnavailable();
      }
      console.error(error);
      return apiError(500, "internal_error", "The server could not answer this request.");
    }
  };
}

/** The largest editorial request body we accept; a note is at most 2,000 characters. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * A JSON request body, validated: 415 unless it is application/json (a cross-site HTML form
 * cannot send that without a preflight), 413 when too large, 400 for broken JSON or a body the
 * schema refuses.
 */
export async function parseJsonBody<S extends z.ZodType>(schema: S, request: Request): Promise<Parsed<z.infer<S>>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return { ok: false, response: apiError(415, "unsupported_media_type", "Send the body as application/json.") };
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) {
    return { ok: false, response: apiError(413, "body_too_large", `The body may be at most ${MAX_BODY_BYTES} bytes.`) };
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    return { ok: false, response: apiError(413, "body_too_large", `The body may be at most ${MAX_BODY_BYTES} bytes.`) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, response: apiError(400, "invalid_json", "The body is not valid JSON.") };
  }
  const result = schema.safeParse(json);
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, response: apiError(400, "invalid_body", describeIssues(result.error)) };
}
