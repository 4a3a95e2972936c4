import http from "node:http";
import type { Duplex } from "node:stream";
import next from "next";
import { resourceSecurityHeaders, type SecurityOptions } from "../security/headers";
import { httpPolicy } from "../security/http-policy";
import { createPageCache, type PageCacheOptions } from "./page-cache";
import { projectRoot } from "./paths";

/**
 * The production HTTP server: Next's own request handler (the same one `next start` runs, through
 * its documented programmatic API) behind a Node server whose limits we set. `next start` offers
 * only --keepAliveTimeout; Node's defaults keep a request head for 60 s and a slow body for 300 s.
 */
export interface AppServerOptions {
  port: number;
  /** The interface to listen on; unset: every interface, as `next start`. */
  host?: string;
  /** Longest wait for a request's head (request line and headers). */
  headersTimeoutMs: number;
  /** Longest wait for a whole request, body included (not the response). */
  requestTimeoutMs: number;
  security: SecurityOptions;
  /** Whole anonymous pages kept in memory (lib/infra/page-cache.ts); unset: every page rendered by Next. */
  pageCache?: PageCacheOptions;
  /** Called once the server listens; the process exits when it closes. */
  log?: (message: string) => void;
}

/**
 * Methods the Fetch standard forbids: Next cannot turn such a request into a Request and answers a
 * bare 500, so they are answered here, as the proxy answers any other method a route does not take.
 */
const FORBIDDEN_BY_FETCH = new Set(["TRACE", "TRACK", "CONNECT"]);

/** A 405 (or other early answer) written straight to Node's response, with the security headers. */
function answerEarly(req: http.IncomingMessage, res: http.ServerResponse, security: SecurityOptions): void {
  const pathname = (req.url ?? "/").split("?")[0]!;
  const decision = httpPolicy(req.method ?? "GET", pathname, false);
  const status = decision.action === "respond" ? decision.status : 405;
  const headers: Record<string, string> = {
    ...resourceSecurityHeaders(security),
    ...decision.headers,
    "cache-control": "no-store",
  };
  let body = "";
  if (decision.action === "respond" && decision.error) {
    headers["content-type"] = "application/json";
    body = JSON.stringify({ error: decision.error });
  } else {
    headers["content-type"] = "text/plain; charset=utf-8";
    body = decision.action === "respond" && decision.text ? decision.text : "405 Method Not Allowed\n";
  }
  res.writeHead(status, headers);
  res.end(body);
}

/**
 * The Node server in front of a request handler: timeouts for slow heads and bodies, a head size
 * that fits a long Chinese search, and early answers for what the handler cannot take. Separate
 * from Next so its limits can be tested on their own.
 */
export function createAppHttpServer(
  options: Pick<AppServerOptions, "headersTimeoutMs" | "requestTimeoutMs" | "security">,
  handle: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>,
): http.Server {
  if (options.headersTimeoutMs > options.requestTimeoutMs) {
    throw new Error("The request-head timeout must not be longer than the whole-request timeout.");
  }
  const server = http.createServer({
    headersTimeout: options.headersTimeoutMs,
    requestTimeout: options.requestTimeoutMs,
    // Node checks both timeouts on this interval (30 s by default, longer than the timeouts themselves).
    connectionsCheckingInterval: 1_000,
    // A search of 2,000 Chinese characters is an 18 kB URL (9 bytes a character, encoded):
    // more than Node's default 16 kB of request head, which it refuses with 431.
    maxHeaderSize: 65_536,
  });
  server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (FORBIDDEN_BY_FETCH.has(req.method ?? "")) return answerEarly(req, res, options.security);
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) {
        res.writeHead(500, { ...resourceSecurityHeaders(options.security), "content-type": "text/plain" });
      }
      res.end("Internal Server Error\n");
    });
  });
  // What Node refuses itself (a method it does not know, a head too large or too slow) gets the
  // security headers too; Node would answer a bare 400/408/431.
  server.on("clientError", (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
    if (!socket.writable) return socket.destroy();
    const [status, reason] =
      error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, "Request Timeout"]
        : error.code === "HPE_HEADER_OVERFLOW"
          ? [431, "Request Header Fields Too Large"]
          : [400, "Bad Request"];
    // The API's error shape when the request line names an API path.
    const target = /^\S+ (\S+)/.exec(error.rawPacket?.toString("latin1") ?? "")?.[1] ?? "";
    const body = target.startsWith("/api/")
      ? JSON.stringify({
          error: { code: "bad_request", message: `${reason}: the server could not read this request.` },
        })
      : "";
    const headers = Object.entries({
      ...resourceSecurityHeaders(options.security),
      ...(body ? { "content-type": "application/json" } : {}),
      "content-length": String(Buffer.byteLength(body)),
    })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join("");
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\n${headers}\r\n${body}`);
  });
  // CONNECT never reaches "request": Node hands over the raw socket, which we answer and close.
  server.on("connect", (_req, socket: Duplex) => {
    socket.end("HTTP/1.1 405 Method Not Allowed\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  });
  return server;
}

/** Serves the built app (Next's programmatic server) until SIGINT or SIGTERM. */
export async function startAppServer(options: AppServerOptions): Promise<http.Server> {
  let handle: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> = () =>
    Promise.reject(new Error("Next is not ready"));
  const server = createAppHttpServer(options, (req, res) => handle(req, res));
  const app = next({ dev: false, dir: projectRoot, hostname: options.host, port: options.port, httpServer: server });
  await app.prepare();
  const render = app.getRequestHandler();
  const pages = options.pageCache ? createPageCache(options.pageCache) : null;
  handle = pages ? (req, res) => pages.handle(req, res, () => render(req, res)) : render;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });

  let closing = false;
  const close = (code: number) => {
    if (closing) return;
    closing = true;
    // Stop accepting, let requests in flight finish, then let Next release what it holds.
    server.close(() => void app.close().finally(() => process.exit(code)));
    server.closeIdleConnections();
    // A client that keeps its connection busy does not hold the shutdown for long.
    setTimeout(() => server.closeAllConnections(), 10_000).unref();
  };
  process.on("SIGINT", () => close(130));
  process.on("SIGTERM", () => close(143));
  const where = options.host ?? "every interface";
  options.log?.(
    `Listening on ${where}, port ${options.port} (request head within ${options.headersTimeoutMs / 1000} s, whole request within ${options.requestTimeoutMs / 1000} s)`,
  );
  return server;
}
