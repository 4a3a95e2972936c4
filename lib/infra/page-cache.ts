import type http from "node:http";
import zlib from "node:zlib";
import { LRUCache } from "lru-cache";
import pg from "pg";
import { GENERATION_KEY_SQL } from "../data/cache-generations";
import { createNonce } from "../security/headers";

/**
 * Whole reading pages for anonymous readers, kept in memory by the production server (ADR 0010).
 *
 * A page is rendered by Next once per URL and tag generation; later requests for it get the stored
 * HTML with a fresh nonce written over the stored one, in the body and in the Content-Security-
 * Policy, so every response still carries its own nonce. The key holds the generations of every
 * tag, read from the database on each request: an editor's write or an ingest moves them, and the
 * next request on any instance renders afresh.
 *
 * Only plain anonymous page loads are stored: GET, no cookie (an editor sees forms), not the API,
 * not Next's client navigations (RSC requests), and only a 200 HTML answer that sets no cookie.
 * Everything else, and every request while the database cannot tell the generations, goes to Next
 * as before (which answers 503 when the database is down).
 */
export interface PageCacheOptions {
  maxBytes: number;
  /** The current generations of every tag as one string; rejects when the database is unreachable. */
  generations: () => Promise<string>;
}

interface Entry {
  status: number;
  headers: Record<string, string | string[]>;
  /** The body cut at every occurrence of its nonce, encoded once: a hit only joins buffers. */
  parts: Buffer[];
  nonce: string;
  bytes: number;
}

const NOT_STORED_PREFIXES = ["/api/", "/_next/", "/login", "/logout", "/editor"];
const DROPPED_HEADERS = new Set(["content-length", "content-encoding", "transfer-encoding", "date", "connection"]);

export function isCacheablePageRequest(req: Pick<http.IncomingMessage, "method" | "url" | "headers">): boolean {
  if (req.method !== "GET" || req.headers.cookie) return false;
  if (req.headers["rsc"] || req.headers["next-router-prefetch"] || req.headers["next-action"]) return false;
  const url = req.url ?? "/";
  if (url.includes("_rsc=")) return false;
  return !NOT_STORED_PREFIXES.some((p) => url.startsWith(p));
}

/** The nonce of a page's Content-Security-Policy header, if it has one. */
export function nonceOf(csp: string | undefined): string | null {
  return csp ? (/'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1] ?? null) : null;
}

export function createPageCache(options: PageCacheOptions) {
  const store = new LRUCache<string, Entry>({
    maxSize: Math.max(1, options.maxBytes),
    sizeCalculation: (e) => e.bytes + 1,
  });

  function serveHit(req: http.IncomingMessage, res: http.ServerResponse, entry: Entry): void {
    const nonce = createNonce();
    const nonceBytes = Buffer.from(nonce);
    const pieces: Buffer[] = [];
    entry.parts.forEach((part, i) => {
      if (i > 0) pieces.push(nonceBytes);
      pieces.push(part);
    });
    const body = Buffer.concat(pieces);
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(entry.headers)) {
      headers[k] = Array.isArray(v) ? v : v.replaceAll(entry.nonce, nonce);
    }
    headers["x-page-cache"] = "hit";
    // Level 1: most of the saving for a fraction of the time; the HTML is text and repeats a lot.
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const out = gzip ? zlib.gzipSync(body, { level: 1 }) : body;
    if (gzip) headers["content-encoding"] = "gzip";
    headers["content-length"] = String(out.length);
    res.writeHead(entry.status, headers);
    res.end(out);
  }

  /** Watches the response Next writes and stores it when it is a storable page. */
  function capture(key: string, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
    const collect = (chunk: unknown, encoding?: unknown) => {
      if (typeof chunk === "string") chunks.push(Buffer.from(chunk, (encoding as BufferEncoding) ?? "utf8"));
      else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      collect(chunk, typeof rest[0] === "string" ? rest[0] : undefined);
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk !== undefined && typeof chunk !== "function") {
        collect(chunk, typeof rest[0] === "string" ? rest[0] : undefined);
      }
      const headers = res.getHeaders();
      const csp = headers["content-security-policy"];
      const nonce = nonceOf(typeof csp === "string" ? csp : undefined);
      const storable =
        res.statusCode === 200 &&
        String(headers["content-type"] ?? "").startsWith("text/html") &&
        !headers["set-cookie"] &&
        !headers["content-encoding"] &&
        nonce !== null;
      if (storable) {
        const kept: Record<string, string | string[]> = {};
        for (const [k, v] of Object.entries(headers)) {
          if (v !== undefined && !DROPPED_HEADERS.has(k)) kept[k] = Array.isArray(v) ? v : String(v);
        }
        const parts = Buffer.concat(chunks)
          .toString("utf8")
          .split(nonce)
          .map((p) => Buffer.from(p));
        const bytes = parts.reduce((n, p) => n + p.length, 0);
        store.set(key, { status: 200, headers: kept, parts, nonce, bytes });
      }
      return end(chunk, ...rest);
    }) as typeof res.end;
  }

  return {
    /** Answers from the store, or lets `next` render (and stores what it renders). */
    async handle(req: http.IncomingMessage, res: http.ServerResponse, next: () => Promise<void>): Promise<void> {
      if (!isCacheablePageRequest(req)) return next();
      let generations: string;
      try {
        generations = await options.generations();
      } catch {
        return next();
      }
      const key = `${generations}|${req.url}`;
      const hit = store.get(key);
      if (hit) return serveHit(req, res, hit);
      // Rendered uncompressed, so that the stored copy can take a new nonce.
      delete req.headers["accept-encoding"];
      capture(key, res);
      return next();
    },
    get size() {
      return store.size;
    },
  };
}

/**
 * The generations over a small pool of its own (the server runs outside Next's bundle). After a
 * failure the database is not asked again for a second, so that an outage costs readers no extra
 * wait here: their requests go straight to Next, which answers 503.
 */
export function databaseGenerations(url: string, timeoutMs: number): () => Promise<string> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 2,
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
    query_timeout: timeoutMs,
  });
  pool.on("error", () => undefined);
  let failedAt = 0;
  // Requests that arrive while a lookup is under way share its answer: under load this turns one
  // query per request into one per round trip. A request joining a lookup that began just before an
  // editor's commit sees the old generations, as if it had arrived a moment earlier.
  let inFlight: Promise<string> | null = null;
  const lookup = async (): Promise<string> => {
    if (Date.now() - failedAt < 1_000) throw new Error("database recently unavailable");
    try {
      // A frozen server answers nothing: give up well before the reader notices, whatever the pool does.
      const { rows } = await Promise.race([
        pool.query<{ key: string }>(GENERATION_KEY_SQL),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error("generations: no answer in time")), timeoutMs).unref(),
        ),
      ]);
      return rows[0]?.key ?? "";
    } catch (error) {
      failedAt = Date.now();
      throw error;
    }
  };
  return () => {
    inFlight ??= lookup().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
}
