/**
 * The production web server `npm start` runs (through lib/infra/processes.ts): Next's request
 * handler on a Node server with our timeouts and interface (lib/infra/http-server.ts).
 * Environment: PORT, HOST, HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS, PUBLIC_URL, PAGE_CACHE_MB.
 */
import { env } from "../lib/env";
import { startAppServer } from "../lib/infra/http-server";
import { databaseGenerations } from "../lib/infra/page-cache";

await startAppServer({
  port: env.PORT,
  host: env.HOST,
  headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS,
  requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
  security: { https: env.PUBLIC_URL?.startsWith("https:") ?? false },
  pageCache:
    env.PAGE_CACHE_MB > 0 && env.DATABASE_URL
      ? {
          maxBytes: env.PAGE_CACHE_MB * 1024 * 1024,
          generations: databaseGenerations(env.DATABASE_URL, Math.min(env.DATABASE_CONNECT_TIMEOUT_MS, 300)),
        }
      : undefined,
  log: (m) => console.log(`[serve] ${m}`),
});
