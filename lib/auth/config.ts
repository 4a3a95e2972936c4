/**
 * The Better Auth instance for editors, on a given Prisma client: the server's (lib/auth/server.ts)
 * or a script's (the editor CLI). Everything about accounts, sessions and sign-in is configured
 * here; lib/auth/editor.ts is what pages and API routes use.
 */
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { username } from "better-auth/plugins/username";
import type { PrismaClient } from "../infra/prisma-client";
import {
  EDITOR_NAME_MAX,
  EDITOR_NAME_MIN,
  PASSWORD_MAX,
  PASSWORD_MIN,
  editorNameProblem,
  normalizeEditorName,
} from "./names";
import { claimSignInAttempt, clearSignInFailures } from "./throttle";
import { AUTH_BASE_PATH, AUTH_ERROR, SIGN_IN_PATH } from "./codes";

/** Cookie names start with it: policy-explorer.session_token (__Secure- in front when PUBLIC_URL is https). */
export const COOKIE_PREFIX = "policy-explorer";

/** Sessions last a week and are extended (at most once a day) while the editor keeps using the app. */
const SESSION_SECONDS = 7 * 24 * 60 * 60;

export interface AuthSettings {
  secret: string;
  /** PUBLIC_URL: the only origin trusted for sign-in; https makes the cookie Secure. Unset: the request's. */
  publicUrl?: string;
}

export function createAuth(prisma: PrismaClient, settings: AuthSettings) {
  const secure = settings.publicUrl?.startsWith("https:") ?? false;
  return betterAuth({
    appName: "政策对照",
    secret: settings.secret,
    baseURL: settings.publicUrl,
    basePath: AUTH_BASE_PATH,
    database: prismaAdapter(prisma, { provider: "postgresql", transaction: true }),
    telemetry: { enabled: false },
    logger: { log: logAuthMessage },
    user: {
      modelName: "editor",
      additionalFields: {
        // Set only by `npm run editor:disable`; never from a request body.
        disabled: { type: "boolean", required: false, defaultValue: false, input: false },
      },
    },
    session: {
      modelName: "editorSession",
      expiresIn: SESSION_SECONDS,
      updateAge: 24 * 60 * 60,
      // Every request reads the session row, so a disabled editor or a revoked session stops at once.
      cookieCache: { enabled: false },
    },
    account: { modelName: "editorAccount" },
    verification: { modelName: "authVerification" },
    // Passwords (scrypt) and credential accounts are Better Auth's; nobody signs up: the CLI
    // creates editors (lib/auth/editors.ts), and /sign-in/email is not routed (app/api/auth).
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
    },
    rateLimit: {
      enabled: true,
      // In the database, so that every app instance counts the same requests.
      storage: "database",
      modelName: "authRateLimit",
      window: 60,
      max: 100,
      customRules: { [SIGN_IN_PATH]: { window: 60, max: 10 } },
    },
    advanced: {
      cookiePrefix: COOKIE_PREFIX,
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure },
      // Better Auth skips its origin check when NODE_ENV is "test": checked always, so tests see production.
      disableOriginCheck: false,
      disableCSRFCheck: false,
    },
    databaseHooks: {
      session: {
        create: {
          // Reached only after the password matched: a disabled editor learns that, nobody else does.
          async before(session) {
            const editor = await prisma.editor.findUnique({
              where: { id: session.userId },
              select: { disabled: true },
            });
            if (!editor || editor.disabled) {
              throw new APIError("FORBIDDEN", {
                code: AUTH_ERROR.editorDisabled,
                message: "This editor account is disabled.",
              });
            }
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN_PATH) return;
        const name = signInName(ctx.body);
        if (name === null) return;
        const decision = await claimSignInAttempt(prisma, name);
        if (!decision.allowed) {
          throw new APIError(
            "TOO_MANY_REQUESTS",
            {
              code: AUTH_ERROR.tooManyAttempts,
              message: `Too many failed sign-ins for this name: try again in ${decision.retryAfterSeconds} s.`,
            },
            { "Retry-After": String(decision.retryAfterSeconds) },
          );
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN_PATH || isAPIError(ctx.context.returned)) return;
        const name = signInName(ctx.body);
        if (name !== null) await clearSignInFailures(prisma, name);
      }),
    },
    plugins: [
      username({
        minUsernameLength: EDITOR_NAME_MIN,
        maxUsernameLength: EDITOR_NAME_MAX,
        usernameNormalization: normalizeEditorName,
        usernameValidator: (name) => editorNameProblem(name) === null,
        validationOrder: { username: "post-normalization" },
      }),
      // Last, as Better Auth asks: lets server components read sessions without writing cookies.
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** Better Auth's messages, minus its advice to set a base URL: without PUBLIC_URL we mean to follow the request. */
function logAuthMessage(level: "info" | "warn" | "error" | "debug", message: string, ...args: unknown[]) {
  if (level === "debug" || message.includes("Base URL is not set")) return;
  console[level](`[auth] ${message}`, ...args);
}

function signInName(body: unknown): string | null {
  const raw = (body as { username?: unknown } | null)?.username;
  return typeof raw === "string" && raw.trim() ? normalizeEditorName(raw) : null;
}
