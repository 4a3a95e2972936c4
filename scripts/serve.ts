/**
 * The production web server `npm start` runs (through lib/infra/processes.ts): Next's request
 * handler on a Node server with our timeouts and interface (lib/infra/http-server.ts).
 * Environment: PORT, HOST, HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS, PUBLIC_URL.
 */
import { env } from "../lib/env";
import { startAppServer } from "../lib/infra/http-server";

await startAppServer({
  port: env.PORT,
  host: env.HOST,
  headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS,
  requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
  security: { https: env.PUBLIC_URL?.startsWith("https:") ?? false },
  log: (m) => console.log(`[serve] ${m}`),
});
