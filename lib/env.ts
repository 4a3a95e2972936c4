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

const schema = z.object({
  DATABASE_URL: postgresUrl.optional(),
  TEST_DATABASE_URL: postgresUrl.optional(),
  /** Set by scripts/start.ts for the Next server it spawns, so health can report it. */
  APP_DATABASE_EMBEDDED: z.enum(["0", "1"]).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  EMBEDDED_PG_DIR: z.string().trim().min(1).optional(),
  CHROMIUM_PATH: z.string().trim().min(1).optional(),
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

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings in the environment mean "unset", as most shells and CI systems intend.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
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
