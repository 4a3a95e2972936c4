import net from "node:net";
import type http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createAppHttpServer } from "@/lib/infra/http-server";

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server with short limits whose handler reads the whole body, then answers 200. */
async function listen(headersTimeoutMs: number, requestTimeoutMs: number): Promise<number> {
  server = createAppHttpServer({ headersTimeoutMs, requestTimeoutMs, security: { https: false } }, async (req, res) => {
    try {
      for await (const chunk of req) void chunk;
      res.end("ok");
    } catch {
      // The server cut the slow body off: nothing to answer.
    }
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server!.address() as net.AddressInfo).port;
}

/** Writes `parts` with pauses, and resolves with what the server sent and when it closed (ms). */
function slowClient(port: number, parts: string[], pauseMs: number): Promise<{ reply: string; closedAfterMs: number }> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const socket = net.connect(port, "127.0.0.1");
    let reply = "";
    let i = 0;
    const timer = setInterval(() => {
      if (i < parts.length && !socket.destroyed) socket.write(parts[i++]!);
    }, pauseMs);
    socket.on("data", (d) => (reply += d.toString()));
    socket.on("error", () => {});
    socket.on("close", () => {
      clearInterval(timer);
      resolve({ reply, closedAfterMs: Date.now() - t0 });
    });
  });
}

describe("the production HTTP server's limits", () => {
  it("drops a client that sends its request head too slowly", async () => {
    const port = await listen(1_000, 2_000);
    const drip = Array.from({ length: 50 }, (_, i) => (i === 0 ? "GET / HTTP/1.1\r\n" : `X-${i}: y\r\n`));
    const { reply, closedAfterMs } = await slowClient(port, drip, 200);
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    expect(reply).toMatch(/x-content-type-options: nosniff/i);
    expect(closedAfterMs).toBeLessThan(4_000);
  }, 10_000);

  it("drops a client whose body never finishes", async () => {
    const port = await listen(1_000, 2_000);
    const head =
      "POST /api/v1/links HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n";
    const { reply, closedAfterMs } = await slowClient(port, [head, ...Array.from({ length: 50 }, () => "{")], 200);
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeGreaterThanOrEqual(1_500);
    expect(closedAfterMs).toBeLessThan(4_500);
  }, 10_000);

  it("serves a normal request, and answers TRACE with a 405 (Next cannot take it)", async () => {
    const port = await listen(1_000, 2_000);
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    const trace = await slowClient(
      port,
      ["TRACE /api/v1/documents HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"],
      10,
    );
    expect(trace.reply).toMatch(/^HTTP\/1\.1 405/);
    expect(trace.reply).toMatch(/allow: GET, HEAD, OPTIONS/i);
    expect(trace.reply).toMatch(/x-content-type-options: nosniff/i);
    expect(trace.reply).toContain('"code":"method_not_allowed"');
    const page = await slowClient(port, ["TRACE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"], 10);
    expect(page.reply).toMatch(/^HTTP\/1\.1 405/);
    // A method Node's parser does not know at all: its 400 carries the security headers too.
    const track = await slowClient(port, ["TRACK / HTTP/1.1\r\nHost: x\r\n\r\n"], 10);
    expect(track.reply).toMatch(/^HTTP\/1\.1 400/);
    expect(track.reply).toMatch(/content-security-policy: default-src 'none'/i);
    const apiTrack = await slowClient(port, ["TRACK /api/v1/search HTTP/1.1\r\nHost: x\r\n\r\n"], 10);
    expect(apiTrack.reply).toContain('{"error":{"code":"bad_request"');
  });

  it("refuses a head timeout longer than the request timeout", () => {
    expect(() =>
      createAppHttpServer({ headersTimeoutMs: 5, requestTimeoutMs: 1, security: { https: false } }, async () => {}),
    ).toThrow(/must not be longer/);
  });
});
