/**
 * npm run test:faults — the app under faults, end to end, on a database and cluster of its own:
 * `next start` (the production build, as the least-privileged role) while its PostgreSQL is
 * stopped, frozen (SIGSTOP) and brought back; SIGKILL during an ingest and during editors' writes;
 * a fuzz run; the security headers. Prints each check and exits non-zero when one fails. Bounded:
 * the whole run gives up after 15 minutes (a build, when stale, included).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { childEnv } from "../lib/env";
import { createDatabaseIfMissing } from "../lib/infra/database";
import { startEmbeddedPostgres, type EmbeddedServer } from "../lib/infra/embedded-postgres";
import { migrate } from "../lib/infra/migrate";
import { projectRoot } from "../lib/infra/paths";
import { freePort } from "../lib/infra/ports";
import { ensureBuild, startNext } from "../lib/infra/processes";
import { runIngest } from "../lib/ingest/run";
import { runLinker } from "../lib/data/link-run";
import { fuzzCases } from "./faults/fuzz-cases";

const log = (m: string) => console.log(`[faults] ${m}`);
const limitSeconds = 900;
const startedAt = Date.now();
const giveUp = setTimeout(() => {
  console.error(`[faults] gave up after ${limitSeconds} s`);
  void cleanup().finally(() => process.exit(2));
}, limitSeconds * 1000);

// ---------------------------------------------------------------------------------------------
// Results

interface Result {
  name: string;
  ok: boolean;
  detail: string;
}
const results: Result[] = [];
function check(name: string, ok: boolean, detail = ""): boolean {
  results.push({ name, ok, detail });
  console.log(`${ok ? "  ok  " : "  FAIL"}  ${name}${detail ? `  (${detail})` : ""}`);
  return ok;
}

// ---------------------------------------------------------------------------------------------
// The world: a cluster, a database with the corpus and an editor, the app

const EDITOR = { name: "faults编辑", password: "Faults-test-2025!" };
const scratch = fs.mkdtempSync(path.join(fs.existsSync("/var/tmp") ? "/var/tmp" : os.tmpdir(), "policy-faults-"));
fs.chmodSync(scratch, 0o755);
let server: EmbeddedServer | null = null;
let app: ChildProcess | null = null;
let origin = "";
let adminUrl = "";
let appUrl = "";

async function cleanup(): Promise<void> {
  if (app && app.exitCode === null) app.kill("SIGKILL");
  if (server) {
    thaw();
    await server.release().catch(() => undefined);
    // The cluster may live in the shared fallback folder when running as root.
    fs.rmSync(path.dirname(server.dataDir), { recursive: true, force: true });
  }
  fs.rmSync(scratch, { recursive: true, force: true });
}

function runScript(args: string[], env: Record<string, string>, stdin?: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...args], {
      cwd: projectRoot,
      env: childEnv(env),
      stdio: [stdin === undefined ? "ignore" : "pipe", "ignore", "inherit"],
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve(code));
    if (stdin !== undefined) child.stdin!.end(stdin);
  });
}

async function startApp(): Promise<void> {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  app = startNext(
    { mode: "start", port: String(port), host: "127.0.0.1", databaseUrl: appUrl, embedded: true },
    "ignore",
  );
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const res = await get("/api/health").catch(() => null);
    if (res?.status === 200) return;
    await sleep(250);
  }
  // In a shared checkout, another process rebuilding .next under the server is the usual cause.
  const build = fs.existsSync(path.join(projectRoot, ".next", "BUILD_ID"))
    ? ""
    : " (.next/BUILD_ID is missing: a build ran meanwhile?)";
  throw new Error(`the production server did not become healthy within 60 s${build}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function get(pathname: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${origin}${pathname}`, { redirect: "manual", ...init, signal: AbortSignal.timeout(20_000) });
}

/** Status and time of one request; the body read (and kept) so the connection is done with. */
async function timed(pathname: string, init: RequestInit = {}) {
  const t0 = performance.now();
  const res = await get(pathname, init);
  const body = await res.text();
  return { status: res.status, ms: performance.now() - t0, body, headers: res.headers };
}

// ---------------------------------------------------------------------------------------------
// Database faults

function serverPids(): number[] {
  const pidFile = path.join(server!.dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return [];
  const postmaster = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  const children = fs
    .readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

let frozen: number[] = [];
function freeze(): void {
  frozen = serverPids();
  for (const pid of frozen) process.kill(pid, "SIGSTOP");
}
function thaw(): void {
  for (const pid of frozen) {
    try {
      process.kill(pid, "SIGCONT");
    } catch {
      // gone
    }
  }
  frozen = [];
}

async function expectOutage(label: string): Promise<void> {
  const health = await timed("/api/health");
  check(
    `${label}: /api/health answers 503 within 2 s`,
    health.status === 503 && health.ms < 2_000,
    `${health.status} in ${health.ms.toFixed(0)} ms`,
  );
  const again = await timed("/api/health");
  check(
    `${label}: /api/health again 503 within 2 s`,
    again.status === 503 && again.ms < 2_000,
    `${again.status} in ${again.ms.toFixed(0)} ms`,
  );
  for (const api of [
    "/api/v1/documents?pageSize=2",
    "/api/v1/search?q=%E6%95%99%E8%82%B2",
    `/api/v1/documents/${sample.document}`,
  ]) {
    const r = await timed(api);
    const code = (() => {
      try {
        return (JSON.parse(r.body) as { error?: { code?: string } }).error?.code;
      } catch {
        return undefined;
      }
    })();
    check(
      `${label}: API ${api.split("?")[0]} answers 503 database_unavailable with Retry-After`,
      r.status === 503 && code === "database_unavailable" && /^\d+$/.test(r.headers.get("retry-after") ?? ""),
      `${r.status} ${code ?? ""} in ${r.ms.toFixed(0)} ms`,
    );
  }
  for (const page of ["/", "/search?q=%E6%95%99%E8%82%B2", sample.page, "/coverage"]) {
    const r = await timed(page);
    check(
      `${label}: page ${page.split("?")[0]} answers 503 with 暂时无法连接数据库`,
      r.status === 503 && r.body.includes("暂时无法连接数据库") && /^\d+$/.test(r.headers.get("retry-after") ?? ""),
      `${r.status} in ${r.ms.toFixed(0)} ms`,
    );
  }
}

async function expectRecovery(label: string): Promise<void> {
  const t0 = Date.now();
  let status = 0;
  while (Date.now() - t0 < 30_000) {
    status = (await timed("/api/health")).status;
    if (status === 200) break;
    await sleep(200);
  }
  check(`${label}: health back to 200 without restarting the app`, status === 200, `${Date.now() - t0} ms`);
  const api = await timed("/api/v1/documents?pageSize=2");
  check(`${label}: API answers 200 again`, api.status === 200, String(api.status));
  const page = await timed(sample.page);
  check(
    `${label}: page answers 200 again`,
    page.status === 200 && !page.body.includes("暂时无法连接数据库"),
    String(page.status),
  );
}

// ---------------------------------------------------------------------------------------------
// SIGKILL during writes

async function corpusFingerprint(): Promise<string> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const { rows } = await c.query(`
      select s.id, s.sha256,
             (select count(*) from "Document" d where d."sourceId" = s.id) as documents,
             (select count(*) from "Paragraph" p join "Document" d on d.id = p."documentId" where d."sourceId" = s.id) as paragraphs
        from "Source" s order by s.id`);
    const plan = await c.query(`select count(*) as nodes from "PlanNode"`);
    return JSON.stringify([rows, plan.rows]);
  } finally {
    await c.end();
  }
}

async function killDuringIngest(delays: number[]): Promise<void> {
  const before = await corpusFingerprint();
  for (const delay of delays) {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", "--force"], {
      cwd: projectRoot,
      env: childEnv({ DATABASE_URL: adminUrl, SNAPSHOT_DIR: path.join(scratch, "snapshots") }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    // Listened for from the start: on a fast machine the ingest may end before the kill, and its
    // exit event would otherwise have gone by unheard (the run then waited for it forever).
    const exited = new Promise((r) => child.once("exit", r));
    let out = "";
    child.stdout!.on("data", (d) => (out += d));
    child.stderr!.on("data", (d) => (out += d));
    const started = Date.now();
    while (!/Loading \d+ source/.test(out) && child.exitCode === null && Date.now() - started < 60_000) await sleep(20);
    await sleep(delay);
    const wasRunning = child.exitCode === null;
    child.kill("SIGKILL");
    await exited;
    const after = await corpusFingerprint();
    check(
      `SIGKILL ${delay} ms into an ingest's writes: corpus whole (same sources, documents, paragraphs, plan)`,
      after === before,
      wasRunning ? "killed while writing" : "ingest had already finished",
    );
  }
  const page = await timed(sample.page);
  check("after the killed ingests the app serves the page", page.status === 200, String(page.status));
}

async function signIn(): Promise<string> {
  const res = await fetch(`${origin}/api/auth/sign-in/username`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ username: EDITOR.name, password: EDITOR.password }),
  });
  const cookie = /policy-explorer\.session_token=[^;]+/.exec(res.headers.get("set-cookie") ?? "")?.[0];
  if (!cookie) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return cookie;
}

async function killDuringEditorWrites(): Promise<void> {
  const cookie = await signIn();
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ id: string }>(
      `select id from "Link" where status = 'suggested' and "orphanedAt" is null order by id limit 12`,
    );
    const statuses = ["confirmed", "rejected", "suggested"] as const;
    let sent = 0;
    let answered = 0;
    let killed = false;
    const writes: Promise<void>[] = [];
    // Writers keep changing statuses and notes until the app is killed under them.
    for (const [i, link] of rows.entries()) {
      writes.push(
        (async () => {
          for (let n = 0; !killed; n++) {
            sent++;
            const res = await fetch(`${origin}/api/v1/links/${link.id}`, {
              method: "PATCH",
              headers: { "content-type": "application/json", origin, cookie },
              body: JSON.stringify({ status: statuses[(i + n) % 3], note: `故障测试 ${i}-${n}` }),
            }).catch(() => null);
            if (!res) return;
            answered++;
            await res.arrayBuffer().catch(() => undefined);
          }
        })(),
      );
    }
    // Kill once the writes are flowing, at a moment that falls somewhere inside one of them.
    const flowing = Date.now() + 30_000;
    while (answered < 40 && Date.now() < flowing) await sleep(10);
    await sleep(Math.random() * 50);
    const inFlight = sent - answered;
    killed = true;
    app!.kill("SIGKILL");
    await Promise.all(writes);
    check(
      "editors' writes were in flight when the app was SIGKILLed",
      answered >= 40 && inFlight > 0,
      `${answered} answered, ${inFlight} in flight at the kill`,
    );

    const broken = await c.query(
      `
      select l.id, l.status, l.note, e.after
        from "Link" l
        join lateral (select after from "LinkEvent" e where e."linkId" = l.id order by e.at desc, e.id desc limit 1) e on true
       where l.id = any($1)
         and (e.after->>'status' is distinct from l.status::text or e.after->>'note' is distinct from l.note)`,
      [rows.map((r) => r.id)],
    );
    const silent = await c.query(
      `select id from "Link" l where id = any($1) and (status <> 'suggested' or note is not null)
         and not exists (select 1 from "LinkEvent" e where e."linkId" = l.id)`,
      [rows.map((r) => r.id)],
    );
    const events = await c.query<{ n: number }>(`select count(*)::int as n from "LinkEvent" where "linkId" = any($1)`, [
      rows.map((r) => r.id),
    ]);
    check(
      "after SIGKILL every link matches its last audit event, and no change exists without one",
      broken.rowCount === 0 && silent.rowCount === 0 && events.rows[0]!.n > 0,
      `${events.rows[0]!.n} events, ${broken.rowCount} mismatched, ${silent.rowCount} unrecorded`,
    );
  } finally {
    await c.end();
  }
  await startApp();
  check("the app starts again after SIGKILL and is healthy", (await timed("/api/health")).status === 200);
}

// ---------------------------------------------------------------------------------------------
// Fuzz and headers

/** One request with any method (fetch refuses TRACE); the status, or 599 when the connection failed. */
function rawRequest(method: string, pathname: string, body?: string): Promise<number> {
  return new Promise((resolve) => {
    const url = new URL(origin);
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path: pathname,
        headers: body === undefined ? {} : { "content-type": "application/json", origin },
        timeout: 20_000,
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 599));
        res.on("error", () => resolve(599));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", () => resolve(599));
    req.end(body);
  });
}

async function fuzz(): Promise<void> {
  const cases = fuzzCases({
    document: sample.document,
    person: sample.person,
    chapter: sample.chapter,
    link: sample.link,
  });
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  for (const c of cases) {
    const status = await rawRequest(c.method, c.path, c.body);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    if (status >= 500) failures.push(`${c.method} ${c.path.slice(0, 80)} → ${status}`);
  }
  const summary = [...statuses]
    .sort(([a], [b]) => a - b)
    .map(([k, v]) => `${k}×${v}`)
    .join(" ");
  check(
    `fuzz: ${cases.length} requests, zero 5xx`,
    failures.length === 0,
    failures.length ? failures.slice(0, 8).join("; ") : summary,
  );
}

function staticAsset(): string | null {
  const dir = path.join(projectRoot, ".next", "static", "chunks");
  const file = fs.existsSync(dir) ? fs.readdirSync(dir).find((f) => f.endsWith(".js")) : undefined;
  return file ? `/_next/static/chunks/${file}` : null;
}

async function headers(): Promise<void> {
  const targets: [string, string, boolean][] = [
    ["a page", "/", true],
    ["an API response", "/api/v1/documents?pageSize=1", true],
    ["an API error", "/api/v1/documents/no-such-document", true],
    ["a page error", "/speeches/no-such-document", true],
    ["a public file", "/robots.txt", false],
  ];
  const asset = staticAsset();
  if (asset) targets.push(["a build asset", asset, false]);
  for (const [label, url, needsCsp] of targets) {
    const r = await timed(url);
    const h = r.headers;
    const csp = h.get("content-security-policy") ?? "";
    const missing = [
      h.get("x-content-type-options") === "nosniff" ? null : "nosniff",
      h.get("referrer-policy") ? null : "Referrer-Policy",
      h.get("permissions-policy") ? null : "Permissions-Policy",
      !needsCsp || /frame-ancestors 'none'/.test(csp) ? null : "CSP frame-ancestors 'none'",
      /unsafe-eval/.test(csp) ? "no unsafe-eval" : null,
    ].filter(Boolean);
    check(
      `headers on ${label} (${url.split("?")[0]}, ${r.status})`,
      missing.length === 0,
      missing.length ? `missing ${missing.join(", ")}` : "",
    );
  }
}

// ---------------------------------------------------------------------------------------------

const sample = { document: "", page: "", person: "", chapter: "", link: "" };

async function main(): Promise<void> {
  const t0 = Date.now();
  server = await startEmbeddedPostgres({ rootDir: path.join(scratch, "postgres"), log });
  adminUrl = `${server.baseUrl}/faults`;
  appUrl = `${server.appBaseUrl}/faults`;
  await createDatabaseIfMissing(adminUrl);
  await migrate({ url: adminUrl, appRole: server.appRole });
  await runIngest({ url: adminUrl });
  await runLinker({ url: adminUrl });
  const code = await runScript(
    ["scripts/editor-add.ts", EDITOR.name],
    { DATABASE_URL: adminUrl },
    `${EDITOR.password}\n`,
  );
  if (code !== 0) throw new Error(`editor-add exited ${code}`);
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  const doc = await c.query<{ id: string }>(`select id from "Document" where kind = 'speech' order by id limit 1`);
  const person = await c.query<{ id: string }>(`select id from "Person" order by id limit 1`);
  const chapter = await c
    .query<{ path: string }>(`select path from "PlanNode" where depth = 1 order by path limit 1`)
    .catch(() => ({ rows: [{ path: "1" }] }));
  const link = await c.query<{ id: string }>(`select id from "Link" order by id limit 1`);
  await c.end();
  sample.document = doc.rows[0]!.id;
  sample.page = `/speeches/${sample.document}`;
  sample.person = person.rows[0]?.id ?? "x";
  sample.chapter = chapter.rows[0]?.path ?? "1";
  sample.link = link.rows[0]?.id ?? "x";
  log(`Database ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await ensureBuild(log);
  await startApp();
  log(`next start serving on ${origin} as ${server.appRole}`);

  check("baseline: health 200", (await timed("/api/health")).status === 200);
  check("baseline: page 200", (await timed(sample.page)).status === 200);

  log("Database stopped (pg_ctl stop -m fast) …");
  server.stopNow();
  await expectOutage("stopped");
  server.startAgain();
  await expectRecovery("restarted");

  log("Database frozen (SIGSTOP on the postmaster and every backend) …");
  freeze();
  await sleep(200);
  await expectOutage("frozen");
  thaw();
  await expectRecovery("thawed");

  // The worst case: a request that arrives right after a success, so nothing has been noticed yet
  // and it waits on a connection that will never answer, until the pool's bounds give up.
  log("Database frozen again, a request right away …");
  await timed(sample.page);
  freeze();
  const cold = await timed("/api/v1/documents?pageSize=2");
  const bound = 5_000 + 1_000 + 1_000; // statement timeout + client-side margin + slack (defaults)
  check(
    "frozen, unnoticed: the first API request answers 503 within the statement timeout's bound",
    cold.status === 503 && cold.ms < bound,
    `${cold.status} in ${cold.ms.toFixed(0)} ms (bound ${bound} ms)`,
  );
  // The page cache in front of Next asks the database for its generations first (bounded at 1 s
  // per lookup, lib/infra/page-cache.ts), then the proxy answers from the failure already seen.
  const next = await timed(sample.page);
  check(
    "frozen, then: the next page answers 503 within 3.5 s (page-cache lookup, then the known failure)",
    next.status === 503 && next.ms < 3_500,
    `${next.status} in ${next.ms.toFixed(0)} ms`,
  );
  thaw();
  await expectRecovery("thawed again");

  log("SIGKILL during ingest …");
  await killDuringIngest([50, 400, 1500]);

  log("SIGKILL during editors' writes …");
  await killDuringEditorWrites();

  log("Fuzz …");
  await fuzz();
  log("Headers …");
  await headers();
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  console.error(error);
  check("the fault run completed", false, (error as Error).message);
} finally {
  clearTimeout(giveUp);
  await cleanup();
  const failed = results.filter((r) => !r.ok);
  console.log(
    `\n[faults] ${results.length - failed.length} of ${results.length} checks passed in ${((Date.now() - startedAt) / 1000).toFixed(0)} s`,
  );
  for (const f of failed) console.log(`  FAIL ${f.name}${f.detail ? ` (${f.detail})` : ""}`);
  exitCode = failed.length ? 1 : 0;
}
process.exit(exitCode);
