/**
 * Editor accounts end to end on the shared database: editors made by the CLI's code (and by the
 * CLI itself, password on stdin), sign-in through the Better Auth route handler, the cookie it
 * sets, the editor guard API routes use, disabled editors, cross-site requests, and slowed-down
 * repeated failures. Every editor here has a name of its own, so the file can run again.
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it, vi } from "vitest";

// lib/env.ts reads the environment once, on import: a secret of the test's own, so the run
// neither needs nor writes .data/auth-secret.
const SECRET = vi.hoisted(() => {
  const secret = "integration-test-secret-0123456789abcdef";
  vi.stubEnv("AUTH_SECRET", secret);
  return secret;
});

const { GET: authGet, POST: authPost } = await import("@/app/api/auth/[...all]/route");
const { getDb } = await import("@/lib/db");
const { getAuth } = await import("@/lib/auth/server");
const { getEditor, requireEditor } = await import("@/lib/auth/editor");
const { addEditor, disableEditor, EditorAccountError } = await import("@/lib/auth/editors");
const { passwordProblem, editorNameProblem, normalizeEditorName } = await import("@/lib/auth/names");
const { decideAttempt, delaySeconds, FREE_ATTEMPTS } = await import("@/lib/auth/throttle");
const { safeNextPath, loginUrl } = await import("@/lib/auth/next-path");
const { checkSameOrigin } = await import("@/lib/auth/origin");
const { readOrCreateSecretFile } = await import("@/lib/auth/secret");
const { childEnv } = await import("@/lib/env");
const { createAuth } = await import("@/lib/auth/config");
const { signInErrorMessage } = await import("@/components/auth/messages");

const SITE = "http://localhost:3000";
const run = crypto.randomBytes(3).toString("hex");
const PASSWORD = "Correct horse 42";
let nameCount = 0;
/** A fresh editor name for this run. */
const freshName = (label: string) => `${label}${run}${++nameCount}`;
/** Better Auth also limits sign-ins per client address: most tests come from an address of their own. */
let ipCount = 0;
const freshIp = () => `10.${(++ipCount >> 8) & 255}.${ipCount & 255}.${crypto.randomInt(1, 254)}`;

function signInRequest(username: string, password: string, init: { ip?: string; origin?: string | null } = {}) {
  const headers = new Headers({ "content-type": "application/json", "x-forwarded-for": init.ip ?? freshIp() });
  if (init.origin !== null) headers.set("origin", init.origin ?? SITE);
  return new Request(`${SITE}/api/auth/sign-in/username`, {
    method: "POST",
    headers,
    body: JSON.stringify({ username, password }),
  });
}

/** Signs in through the route handler; the session cookie ("name=value") on success. */
async function signIn(username: string, password = PASSWORD, init: { ip?: string } = {}) {
  const res = await authPost(signInRequest(username, password, init));
  const setCookie = res.headers.get("set-cookie") ?? "";
  const cookie = /policy-explorer\.session_token=[^;]+/.exec(setCookie)?.[0] ?? null;
  return { res, setCookie, cookie };
}

/** A write to an editorial API route, as the browser would send it. */
function writeRequest(headers: Record<string, string>) {
  return new Request(`${SITE}/api/v1/links`, { method: "POST", headers: { host: "localhost:3000", ...headers } });
}

async function errorOf(result: unknown) {
  expect(result).toBeInstanceOf(Response);
  const res = result as Response;
  return { status: res.status, body: (await res.json()) as { error: { code: string; message: string } } };
}

async function createEditor(name: string, password = PASSWORD) {
  return addEditor(getAuth(), getDb(), { name, password });
}

afterAll(async () => {
  await getDb().signInThrottle.deleteMany({ where: { username: { contains: run } } });
});

describe("editors and sign-in", () => {
  it("an editor made by the CLI's code signs in through the handler and passes the write guard", async () => {
    const name = freshName("Wang");
    const editor = await createEditor(name);
    expect(editor.name).toBe(name);

    const stored = await getDb().editorAccount.findFirstOrThrow({ where: { userId: editor.id } });
    expect(stored.providerId).toBe("credential");
    expect(stored.password).not.toContain(PASSWORD); // a hash, computed by Better Auth

    // Names compare case-insensitively (and full-width = ASCII).
    const { res, setCookie, cookie } = await signIn(name.toUpperCase());
    expect(res.status).toBe(200);
    expect(cookie).not.toBeNull();
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i); // no PUBLIC_URL here; https would make it Secure

    const allowed = await requireEditor(writeRequest({ cookie: cookie!, origin: SITE }));
    expect(allowed).toEqual({ id: editor.id, name });
    expect(await getEditor(new Headers({ cookie: cookie! }))).toEqual({ id: editor.id, name });

    const session = await authGet(new Request(`${SITE}/api/auth/get-session`, { headers: { cookie: cookie! } }));
    expect(((await session.json()) as { user: { username: string } }).user.username).toBe(normalizeEditorName(name));

    // Signing out ends the session in the database: the same cookie no longer works.
    const out = await authPost(
      new Request(`${SITE}/api/auth/sign-out`, {
        method: "POST",
        headers: { cookie: cookie!, origin: SITE, "content-type": "application/json" },
        body: "{}",
      }),
    );
    expect(out.status).toBe(200);
    expect((await errorOf(await requireEditor(writeRequest({ cookie: cookie!, origin: SITE })))).status).toBe(401);
  });

  it("refuses a wrong password and an unknown name alike, without a cookie", async () => {
    const name = freshName("li");
    await createEditor(name);
    for (const attempt of [signIn(name, "Wrong password 1"), signIn(freshName("nobody"), PASSWORD)]) {
      const { res, cookie } = await attempt;
      expect(res.status).toBe(401);
      expect(cookie).toBeNull();
      expect(((await res.json()) as { code: string }).code).toBe("INVALID_USERNAME_OR_PASSWORD");
    }
  });

  it("answers 401 without a session and 403 cross_site for another origin, before looking at the session", async () => {
    const name = freshName("zhao");
    await createEditor(name);
    const { cookie } = await signIn(name);

    let refused = await errorOf(await requireEditor(writeRequest({ origin: SITE })));
    expect(refused).toMatchObject({ status: 401, body: { error: { code: "unauthenticated" } } });
    refused = await errorOf(
      await requireEditor(writeRequest({ origin: SITE, cookie: "policy-explorer.session_token=forged.value" })),
    );
    expect(refused.status).toBe(401);

    const forged: Record<string, string>[] = [
      { origin: "https://evil.example", cookie: cookie! },
      { origin: "http://localhost:3001", cookie: cookie! },
      { origin: "null", cookie: cookie! },
      { "sec-fetch-site": "cross-site", cookie: cookie! },
      { "sec-fetch-site": "same-site", cookie: cookie! },
      { origin: "https://evil.example" },
    ];
    for (const headers of forged) {
      refused = await errorOf(await requireEditor(writeRequest(headers)));
      expect(refused, JSON.stringify(headers)).toMatchObject({ status: 403, body: { error: { code: "cross_site" } } });
    }
    // A same-origin browser request without Origin, and a non-browser client with the cookie, pass.
    expect(await requireEditor(writeRequest({ "sec-fetch-site": "same-origin", cookie: cookie! }))).toHaveProperty(
      "id",
    );
    expect(await requireEditor(writeRequest({ cookie: cookie! }))).toHaveProperty("id");
  });

  it("refuses a sign-in or sign-out posted from another site", async () => {
    const name = freshName("qian");
    await createEditor(name);
    const res = await authPost(signInRequest(name, PASSWORD, { origin: "https://evil.example" }));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("cross_site");
    expect(res.headers.get("set-cookie")).toBeNull();

    const { cookie } = await signIn(name);
    const out = await authPost(
      new Request(`${SITE}/api/auth/sign-out`, {
        method: "POST",
        headers: { cookie: cookie!, origin: "https://evil.example", "content-type": "application/json" },
        body: "{}",
      }),
    );
    expect(out.status).toBe(403);
    expect(await getEditor(new Headers({ cookie: cookie! }))).not.toBeNull();
  });

  it("a disabled editor cannot sign in, and their sessions stop working at once", async () => {
    const name = freshName("sun");
    const editor = await createEditor(name);
    const first = await signIn(name);
    const second = await signIn(name);
    expect(first.cookie && second.cookie).toBeTruthy();

    // A session whose editor was disabled (say, while it was being created) is refused with 403.
    await getDb().editor.update({ where: { id: editor.id }, data: { disabled: true } });
    expect(await errorOf(await requireEditor(writeRequest({ cookie: first.cookie!, origin: SITE })))).toMatchObject({
      status: 403,
      body: { error: { code: "forbidden" } },
    });
    expect(await getEditor(new Headers({ cookie: first.cookie! }))).toBeNull();

    // editor:disable: flag set (again) and every session ended; the account and its name stay.
    const disabled = await disableEditor(getAuth(), getDb(), name);
    expect(disabled).toMatchObject({ id: editor.id, disabled: true, sessionsEnded: 2 });
    expect(await getDb().editorSession.count({ where: { userId: editor.id } })).toBe(0);
    expect((await errorOf(await requireEditor(writeRequest({ cookie: second.cookie!, origin: SITE })))).status).toBe(
      401,
    );

    // The right password gets 403 EDITOR_DISABLED and no session; a wrong one still gets 401.
    const again = await signIn(name);
    expect(again.res.status).toBe(403);
    expect(((await again.res.json()) as { code: string }).code).toBe("EDITOR_DISABLED");
    expect(again.cookie).toBeNull();
    expect((await signIn(name, "Wrong password 1")).res.status).toBe(401);
    expect(await getDb().editorSession.count({ where: { userId: editor.id } })).toBe(0);

    // The name is never reused.
    await expect(createEditor(name)).rejects.toThrow(/exists and is disabled/);
  });

  it("slows down repeated failures on one name, whatever address they come from", async () => {
    const name = freshName("zhou");
    await createEditor(name);
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      expect((await signIn(name, `Wrong password ${i}`)).res.status).toBe(401);
    }
    // Now even the right password waits; the answer says how long.
    const blocked = await signIn(name);
    expect(blocked.res.status).toBe(429);
    expect(blocked.cookie).toBeNull();
    expect(((await blocked.res.json()) as { code: string }).code).toBe("TOO_MANY_ATTEMPTS");
    expect(Number(blocked.res.headers.get("retry-after"))).toBeGreaterThan(0);

    // Once the wait is over (moved into the past here), the right password works and the count clears.
    const key = normalizeEditorName(name);
    await getDb().signInThrottle.update({
      where: { username: key },
      data: { lastFailureAt: new Date(Date.now() - 60_000) },
    });
    expect((await signIn(name)).res.status).toBe(200);
    expect(await getDb().signInThrottle.findUnique({ where: { username: key } })).toBeNull();
  });

  it("counts parallel guesses one by one", async () => {
    const name = freshName("wu");
    const results = await Promise.all(
      Array.from({ length: FREE_ATTEMPTS + 3 }, (_, i) => signIn(name, `Wrong password ${i}`)),
    );
    const statuses = results.map((r) => r.res.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(FREE_ATTEMPTS);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
  });

  it("Better Auth limits sign-in requests per client address, counted in the database", async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    // Different names, so that only the per-address limit (10 a minute) can refuse.
    for (let i = 0; i < 11; i++) statuses.push((await signIn(freshName("addr"), PASSWORD, { ip })).res.status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
    const row = await getDb().authRateLimit.findFirstOrThrow({ where: { key: { startsWith: `${ip}|` } } });
    expect(row.count).toBe(10);
  });

  it("with an https PUBLIC_URL the cookie is Secure (and __Secure- named), and only that origin may sign in", async () => {
    const name = freshName("https");
    await createEditor(name);
    const publicUrl = "https://policy.example.org";
    const auth = createAuth(getDb(), { secret: SECRET, publicUrl });
    const post = (origin: string) =>
      auth.handler(
        new Request(`${publicUrl}/api/auth/sign-in/username`, {
          method: "POST",
          headers: { "content-type": "application/json", origin, "x-forwarded-for": freshIp(), cookie: "a=b" },
          body: JSON.stringify({ username: name, password: PASSWORD }),
        }),
      );
    // Better Auth's own origin check (a request with a cookie) trusts only PUBLIC_URL.
    expect((await post("http://policy.example.org")).status).toBe(403);
    const res = await post(publicUrl);
    expect(res.status).toBe(200);
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^__Secure-policy-explorer\.session_token=/);
    expect(setCookie).toMatch(/; Secure/);
    expect(setCookie).toMatch(/HttpOnly/i);
  });

  it("routes only sign-in, sign-out and session: no public sign-up", async () => {
    const res = await authPost(
      new Request(`${SITE}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: SITE },
        body: JSON.stringify({ name: "x", email: "x@example.com", password: PASSWORD, username: "xavier" }),
      }),
    );
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
    await expect(
      getAuth().api.signUpEmail({ body: { name: "y", email: "y@example.com", password: PASSWORD } }),
    ).rejects.toThrow(/not enabled/);
  });
});

describe("rules", () => {
  it("passwords need 10 characters, two kinds, five different ones, and not the name", async () => {
    expect(passwordProblem("Short1", "li")).toMatch(/at least 10/);
    expect(passwordProblem("alllowercaseletters", "li")).toMatch(/two kinds/);
    expect(passwordProblem("1234512345", "li")).toMatch(/two kinds/);
    expect(passwordProblem("aaaa1111aaaa", "li")).toMatch(/5 different/);
    expect(passwordProblem("xx-Zhangwei-2024", "zhangwei")).toMatch(/name/);
    expect(passwordProblem(PASSWORD, "li")).toBeNull();
    expect(passwordProblem("长城长城长城长城2024", "li")).toBeNull(); // letters of any script count
    await expect(createEditor(freshName("weak"), "password")).rejects.toBeInstanceOf(EditorAccountError);
  });

  it("names: letters of any script, digits and _ . -, 2 to 32 characters", () => {
    expect(editorNameProblem("张伟")).toBeNull();
    expect(editorNameProblem("li.na_2")).toBeNull();
    expect(editorNameProblem("a")).toMatch(/at least/);
    expect(editorNameProblem("has space")).toMatch(/may hold/);
    expect(editorNameProblem("-dash")).toMatch(/may hold/);
    expect(normalizeEditorName(" ＬｉＮａ ")).toBe("lina");
  });

  it("waits grow from the sixth failure and are capped", () => {
    expect([4, 5, 6, 7, 20].map(delaySeconds)).toEqual([0, 2, 4, 8, 300]);
    const now = new Date("2026-01-01T00:00:10Z");
    expect(decideAttempt(null, now)).toEqual({ allowed: true, failures: 1 });
    expect(decideAttempt({ failures: 5, lastFailureAt: new Date("2026-01-01T00:00:09Z") }, now)).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
    expect(decideAttempt({ failures: 5, lastFailureAt: new Date("2026-01-01T00:00:07Z") }, now)).toEqual({
      allowed: true,
      failures: 6,
    });
    // A day after the last failure the count starts over.
    expect(decideAttempt({ failures: 30, lastFailureAt: new Date("2025-12-30T00:00:00Z") }, now)).toEqual({
      allowed: true,
      failures: 1,
    });
  });

  it("the sign-in form explains each refusal in Chinese", () => {
    expect(signInErrorMessage(401, "INVALID_USERNAME_OR_PASSWORD", null)).toBe("用户名或密码不正确。");
    expect(signInErrorMessage(403, "EDITOR_DISABLED", null)).toContain("已停用");
    expect(signInErrorMessage(403, "cross_site", null)).toContain("本站的登录页面");
    expect(signInErrorMessage(429, "TOO_MANY_ATTEMPTS", 8)).toContain("8 秒");
    expect(signInErrorMessage(429, undefined, 240)).toContain("4 分钟");
    expect(signInErrorMessage(500, undefined, null)).toContain("稍后再试");
  });

  it("next= is a path on this site, or /", () => {
    expect(safeNextPath("/editor?tab=queue#x")).toBe("/editor?tab=queue#x");
    for (const bad of [
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "/a\nb",
      "/login",
      "",
    ]) {
      expect(safeNextPath(bad), bad).toBe("/");
    }
    expect(loginUrl("/editor")).toBe("/login?next=%2Feditor");
    expect(loginUrl("https://evil.example")).toBe("/login");
  });

  it("PUBLIC_URL, when set, is the only accepted origin", () => {
    const h = (o: Record<string, string>) => new Headers(o);
    expect(
      checkSameOrigin(h({ origin: "https://policy.example.org", host: "10.0.0.5:3000" }), "https://policy.example.org")
        .ok,
    ).toBe(true);
    expect(
      checkSameOrigin(
        h({ origin: "http://policy.example.org", host: "policy.example.org" }),
        "https://policy.example.org",
      ).ok,
    ).toBe(false);
    expect(
      checkSameOrigin(h({ origin: "https://a.example", "x-forwarded-host": "a.example", host: "app:3000" })).ok,
    ).toBe(true);
  });

  it("the generated secret is made once, kept with mode 600, and read back", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "auth-secret-"));
    try {
      const file = path.join(dir, "nested", "auth-secret");
      const first = readOrCreateSecretFile(file);
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(readOrCreateSecretFile(file)).toBe(first);
      fs.writeFileSync(file, "short\n");
      expect(() => readOrCreateSecretFile(file)).toThrow(/shorter than 32/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the editor CLI", () => {
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");

  function runScript(script: string, args: string[], stdin: string) {
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(tsx, [path.join("scripts", script), ...args], {
        cwd: process.cwd(),
        env: childEnv({ DATABASE_URL: inject("databaseUrl"), AUTH_SECRET: SECRET }),
        stdio: ["pipe", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      child.on("error", reject);
      child.on("exit", (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(stdin);
    });
  }

  it("editor:add reads the password from stdin; editor:disable ends the editor's sessions", async () => {
    const name = freshName("Cli");
    const added = await runScript("editor-add.ts", [name], `${PASSWORD}\n`);
    expect(added.stderr).not.toMatch(/Error/);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain(`Added editor "${name}"`);
    const { res, cookie } = await signIn(name);
    expect(res.status).toBe(200);

    const again = await runScript("editor-add.ts", [name], `${PASSWORD}\n`);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");

    const disabled = await runScript("editor-disable.ts", [name], "");
    expect(disabled.code).toBe(0);
    expect(disabled.stdout).toContain("ended 1 session(s)");
    expect(await getEditor(new Headers({ cookie: cookie! }))).toBeNull();
  });

  it("editor:add refuses a weak password and takes none as an argument", async () => {
    const name = freshName("weakcli");
    const weak = await runScript("editor-add.ts", [name], "password\n");
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain("at least 10 characters");
    const usage = await runScript("editor-add.ts", [name, PASSWORD], "");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("Usage");
    expect(await getDb().editor.count({ where: { username: normalizeEditorName(name) } })).toBe(0);
  });
});
