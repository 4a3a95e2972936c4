import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { credentialsFile, EMBEDDED_APP_ROLE, startEmbeddedPostgres } from "@/lib/infra/embedded-postgres";

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

  it("authenticates with passwords only: no trust line, secrets in a mode-600 file, a superuser and a LOGIN-only app role", async () => {
    const server = await startEmbeddedPostgres({ rootDir });
    try {
      const root = path.dirname(server.dataDir);
      const hba = fs.readFileSync(path.join(server.dataDir, "pg_hba.conf"), "utf8");
      const active = hba.split("\n").filter((l) => l.trim() && !l.trim().startsWith("#"));
      expect(active.length).toBeGreaterThan(0);
      expect(active.every((l) => /\sscram-sha-256\s*$/.test(l))).toBe(true);
      expect(fs.statSync(credentialsFile(root)).mode & 0o777).toBe(0o600);

      const noPassword = new pg.Client({
        host: "127.0.0.1",
        port: server.port,
        user: "postgres",
        password: "wrong",
        database: "postgres",
      });
      await expect(noPassword.connect()).rejects.toThrow(/password authentication failed/);

      const c = new pg.Client({ connectionString: `${server.baseUrl}/postgres` });
      await c.connect();
      try {
        const { rows } = await c.query(
          `select rolname, rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls, rolcanlogin
             from pg_roles where rolname = $1`,
          [EMBEDDED_APP_ROLE],
        );
        expect(rows).toEqual([
          {
            rolname: EMBEDDED_APP_ROLE,
            rolsuper: false,
            rolcreatedb: false,
            rolcreaterole: false,
            rolreplication: false,
            rolbypassrls: false,
            rolcanlogin: true,
          },
        ]);
        const owned = await c.query(
          "select count(*)::int as n from pg_class where relowner = (select oid from pg_roles where rolname = $1)",
          [EMBEDDED_APP_ROLE],
        );
        expect(owned.rows[0].n).toBe(0);
      } finally {
        await c.end();
      }
      const app = new pg.Client({ connectionString: `${server.appBaseUrl}/postgres` });
      await app.connect();
      expect((await app.query("select current_user as u")).rows[0].u).toBe(EMBEDDED_APP_ROLE);
      await app.end();
    } finally {
      await server.release();
    }
  });

  it("upgrades a cluster made with trust (earlier versions) in place, keeping its data", async () => {
    // Turn this run's cluster into what earlier versions left: trust in pg_hba.conf, a superuser
    // without password, no app role, no credentials file; with a row that must survive.
    const before = await startEmbeddedPostgres({ rootDir });
    const root = path.dirname(before.dataDir);
    const c = new pg.Client({ connectionString: `${before.baseUrl}/postgres` });
    await c.connect();
    await c.query("drop table if exists kept; create table kept (v text); insert into kept values ('curated')");
    await c.query(`drop role if exists ${EMBEDDED_APP_ROLE}`);
    await c.query("alter role postgres password null");
    await c.end();
    await before.release();
    const hbaPath = path.join(before.dataDir, "pg_hba.conf");
    fs.writeFileSync(hbaPath, fs.readFileSync(hbaPath, "utf8").replace(/scram-sha-256\s*$/gm, "trust"));
    fs.rmSync(credentialsFile(root));
    expect(fs.readFileSync(hbaPath, "utf8")).toMatch(/\strust\s*$/m);

    const after = await startEmbeddedPostgres({ rootDir });
    try {
      expect(
        fs
          .readFileSync(hbaPath, "utf8")
          .split("\n")
          .filter((l) => /^\s*(local|host)/.test(l) && /\btrust\b/.test(l)),
      ).toEqual([]);
      expect(fs.statSync(credentialsFile(root)).mode & 0o777).toBe(0o600);
      const admin = new pg.Client({ connectionString: `${after.baseUrl}/postgres` });
      await admin.connect();
      expect((await admin.query("select v from kept")).rows).toEqual([{ v: "curated" }]);
      await admin.query("drop table kept");
      await admin.end();
      // The old password-less way in is closed.
      const noPassword = new pg.Client({
        host: "127.0.0.1",
        port: after.port,
        user: "postgres",
        password: "",
        database: "postgres",
      });
      await expect(noPassword.connect()).rejects.toThrow();
      const app = new pg.Client({ connectionString: `${after.appBaseUrl}/postgres` });
      await app.connect();
      await app.end();
    } finally {
      await after.release();
    }
  });
});
