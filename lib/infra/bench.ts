/** Shared by the benchmark scripts: percentiles of samples, timed load, and the app's own server on a database. */
import autocannon from "autocannon";
import { freePort } from "./ports";
import { startNext } from "./processes";

export function percentiles(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
  return { n: s.length, p50: at(50), p95: at(95), p99: at(99) };
}
export type Percentiles = ReturnType<typeof percentiles>;

export interface LoadResult {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Non-2xx answers, socket errors and timeouts. */
  errors: number;
}

/** `connections` clients cycling through `paths` on `origin` for `seconds`, every response timed. */
export async function timedLoad(
  origin: string,
  paths: string[],
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const latencies: number[] = [];
  // Without a callback autocannon returns its tracker, an event emitter that is also a promise.
  const instance = autocannon({
    url: origin,
    connections,
    duration: seconds,
    timeout: 10,
    requests: paths.map((p) => ({ method: "GET", path: p })),
  }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
  });
  const result = await instance;
  const p = percentiles(latencies.length ? latencies : [0]);
  return {
    rps: result.requests.total / (result.duration || seconds),
    p50: p.p50,
    p95: p.p95,
    p99: p.p99,
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

/**
 * The app's own server (`next start`) on the given database, until `fn` is done. The build must
 * be current (ensureBuild runs first).
 */
export async function withServer<T>(
  databaseUrl: string,
  fn: (origin: string, pid: number) => Promise<T>,
  serverEnv: Record<string, string> = {},
): Promise<T> {
  const port = await freePort();
  const child = startNext(
    { mode: "start", port: String(port), host: "127.0.0.1", databaseUrl, embedded: false, env: serverEnv },
    "ignore",
  );
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const origin = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      const up = await fetch(`${origin}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (i > 300) throw new Error("next start did not answer within 30 s");
      await new Promise((r) => setTimeout(r, 100));
    }
    return await fn(origin, child.pid!);
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}
