import { z } from "zod";

/**
 * The one place that reads process.env. Scripts and the server both import `env`;
 * a bad value fails fast with a message naming the variable.
 */
const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), "must be a postgres:// or postgresql:// URL");

/** An http(s) origin; a trailing slash is dropped, a path or query is refused (the app is served at the root). */
const publicUrl = z
  .string()
  .trim()
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), {
    error: "must be an http:// or https:// URL",
    abort: true,
  })
  .refine((v) => {
    const u = new URL(v);
    return (u.pathname === "/" || u.pathname === "") && !u.search && !u.hash && !u.username && !u.password;
  }, "must be an origin only, like https://policy.example.org (no path, query or credentials)")
  .transform((v) => new URL(v).origin);

/** A whole number of milliseconds (or other unit) within bounds, from an environment string. */
const intIn = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const schema = z.object({
  DATABASE_URL: postgresUrl.optional(),
  /**
   * Optional: the role that owns the schema, used for creating the database, migrations, ingest and
   * granting DATABASE_URL's role what the web server needs. Unset: DATABASE_URL does everything.
   * Must name the same server and database as DATABASE_URL.
   */
  DATABASE_ADMIN_URL: postgresUrl.optional(),
  /** Fail fast: how long the web server waits for a connection (new or from its pool). */
  DATABASE_CONNECT_TIMEOUT_MS: intIn(100, 120_000).default(3_000),
  /** Fail fast: the longest statement the web server runs (server-side statement_timeout, and a client-side bound). */
  DATABASE_STATEMENT_TIMEOUT_MS: intIn(100, 3_600_000).default(5_000),
  /** Connections the web server keeps at most, per instance. */
  DATABASE_POOL_MAX: intIn(1, 1_000).default(10),
  /** Snapshots of the editorial data (curation:export format); default .data/snapshots. */
  SNAPSHOT_DIR: z.string().trim().min(1).optional(),
  /** How many snapshots to keep (the oldest go first). */
  SNAPSHOT_KEEP: intIn(1, 10_000).default(14),
  /** Hours between the snapshots `npm start` takes while the app runs. */
  SNAPSHOT_INTERVAL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 24)
    .default(24),
  /** Megabytes of reading data each instance keeps in memory (ADR 0010); 0 turns the cache off. */
  READ_CACHE_MB: intIn(0, 16_384).default(128),
  /** Megabytes of whole anonymous pages the production server keeps (lib/infra/page-cache.ts); 0: off. */
  PAGE_CACHE_MB: intIn(0, 16_384).default(128),
  TEST_DATABASE_URL: postgresUrl.optional(),
  /** Set by scripts/start.ts for the Next server it spawns, so health can report it. */
  APP_DATABASE_EMBEDDED: z.enum(["0", "1"]).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The interface the web server listens on (e.g. 127.0.0.1 behind a local reverse proxy); unset: all. */
  HOST: z.string().trim().min(1).optional(),
  /** Slow clients: the longest wait for a request's head, and for a whole request with its body. */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(300_000).default(20_000),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  EMBEDDED_PG_DIR: z.string().trim().min(1).optional(),
  CHROMIUM_PATH: z.string().trim().min(1).optional(),
  /** Port of the e2e server (the second instance takes the next one), so two checkouts can run e2e at once. */
  E2E_PORT: z.coerce.number().int().min(1024).max(65534).default(3100),
  CI: z.string().optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).optional(),
  /** Passed on to the Next server, with our own flags after it. */
  NODE_OPTIONS: z.string().optional(),
  /**
   * Signs session cookies. Unset: generated once and kept in .data/auth-secret (lib/auth/secret.ts).
   * Several instances behind one address must share it.
   */
  AUTH_SECRET: z.string().trim().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)").optional(),
  /**
   * The address readers use, e.g. https://policy.example.org: the origin sign-in and editorial
   * writes must come from, and https makes the session cookie Secure. Unset: the request's own host.
   */
  PUBLIC_URL: publicUrl.optional(),
});

/** Host, port and database of a connection URL: what the two database URLs must share. */
function serverAndDatabase(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || "5432"}${u.pathname.replace(/\/$/, "") || "/postgres"}`;
}

const checked = schema.superRefine((e, ctx) => {
  if (!e.DATABASE_ADMIN_URL) return;
  if (!e.DATABASE_URL) {
    ctx.addIssue({
      code: "custom",
      path: ["DATABASE_ADMIN_URL"],
      message: "needs DATABASE_URL (the app's own role) too",
    });
  } else if (serverAndDatabase(e.DATABASE_ADMIN_URL) !== serverAndDatabase(e.DATABASE_URL)) {
    ctx.addIssue({
      code: "custom",
      path: ["DATABASE_ADMIN_URL"],
      message: "must name the same host, port and database as DATABASE_URL (only the role differs)",
    });
  }
});

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings in the environment mean "unset", as most shells and CI systems intend.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = checked.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);

/** The environment for a child process we spawn: ours, plus overrides (undefined removes a variable). */
export function childEnv(
  overrides: Record<string, string | undefined> = {},
  base: Record<string, string | undefined> = process.env,
): NodeJS.ProcessEnv {
  const out = { ...base } as NodeJS.ProcessEnv;
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}
