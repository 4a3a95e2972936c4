import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/infra/embedded-postgres";

// Each test run gets its own cluster folder, separate from the app's and the suite's server.
const rootDir = fs.mkdtempSync(path.join(os.tmpdir(), "pg-supervisor-"));
const child = path.resolve("tests/support/embedded-child.ts");

function run(args: string[]): { done: Promise<{ port: number; dataDir: string }>; pid: number; kill: () => void } {
  // `node --import tsx` rather than the tsx CLI: the CLI runs the script in a grandchild, which a
  // SIGKILL of the CLI would leave running.
  const proc = spawn(process.execPath, ["--import", "tsx", child, rootDir, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  proc.stdout.on("data", (d) => (out += d));
  proc.stderr.on("data", (d) => (err += d));
  const done = new Promise<{ port: number; dataDir: string }>((resolve, reject) => {
    const check = setInterval(() => {
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) {
        clearInterval(check);
        resolve(JSON.parse(line));
      }
    }, 50);
    proc.on("exit", (code) => {
      setTimeout(() => {
        clearInterval(check);
        const line = out.split("\n").find((l) => l.startsWith("{"));
        if (line) resolve(JSON.parse(line));
        else reject(new Error(`child exited ${code}: ${err}`));
      }, 100);
    });
  });
  return { done, pid: proc.pid!, kill: () => proc.kill("SIGKILL") };
}

const exited = (pid: number) =>
  new Promise<void>((resolve) => {
    const t = setInterval(() => {
      try {
        process.kill(pid, 0);
      } catch {
        clearInterval(t);
        resolve();
      }
    }, 50);
  });

function postmasterRunning(dataDir: string): boolean {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return false;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

afterAll(async () => {
  const server = await startEmbeddedPostgres({ rootDir });
  await server.release();
  // The cluster (in rootDir, or in the shared fallback folder when running as root) goes too.
  fs.rmSync(path.dirname(server.dataDir), { recursive: true, force: true });
  fs.rmSync(rootDir, { recursive: true, force: true });
});

describe("embedded PostgreSQL supervisor", () => {
  it("lets two processes start at once: one initialises, both share the server, the last one out stops it", async () => {
    const a = run(["1500"]);
    const b = run(["1500"]);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.port).toBe(rb.port);
    await Promise.all([exited(a.pid), exited(b.pid)]);
    expect(postmasterRunning(ra.dataDir)).toBe(false);
  });

  it("survives a SIGKILLed user: the next start reuses the running server and cleans the dead lease", async () => {
    const held = run(["0", "hold"]);
    const first = await held.done;
    held.kill();
    await exited(held.pid);
    expect(postmasterRunning(first.dataDir)).toBe(true);
    const server = await startEmbeddedPostgres({ rootDir });
    expect(server.port).toBe(first.port);
    await server.release();
    expect(postmasterRunning(first.dataDir)).toBe(false);
  });

  it("starts despite an empty postmaster.pid left by a crash", async () => {
    const probe = await startEmbeddedPostgres({ rootDir });
    const dataDir = probe.dataDir;
    await probe.release();
    expect(postmasterRunning(dataDir)).toBe(false);
    fs.writeFileSync(path.join(dataDir, "postmaster.pid"), "");
    const server = await startEmbeddedPostgres({ rootDir });
    expect(postmasterRunning(dataDir)).toBe(true);
    await server.release();
  });

  it("keeps two handles of one process apart", async () => {
    const a = await startEmbeddedPostgres({ rootDir });
    const b = await startEmbeddedPostgres({ rootDir });
    await a.release();
    expect(postmasterRunning(b.dataDir)).toBe(true);
    await b.release();
    expect(postmasterRunning(b.dataDir)).toBe(false);
  });

  it("is durable: fsync, full page writes and synchronous commit stay on (editorial data cannot be re-derived)", async () => {
    const server = await startEmbeddedPostgres({ rootDir });
    const c = new pg.Client({ connectionString: server.baseUrl });
    await c.connect();
    try {
      const settings = await c.query<{ name: string; setting: string }>(
        "select name, setting from pg_settings where name in ('fsync', 'full_page_writes', 'synchronous_commit')",
      );
      expect(Object.fromEntries(settings.rows.map((r) => [r.name, r.setting]))).toEqual({
        fsync: "on",
        full_page_writes: "on",
        synchronous_commit: "on",
      });
    } finally {
      await c.end();
      await server.release();
    }
  });
});
