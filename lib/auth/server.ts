import "server-only";
import { getDb } from "../db";
import { env } from "../env";
import { createAuth, type Auth } from "./config";
import { resolveAuthSecret } from "./secret";

/** The server's Better Auth instance, on the server's Prisma client; created on first use (not at build). */
const globalForAuth = globalThis as unknown as { auth?: Auth };

export function getAuth(): Auth {
  globalForAuth.auth ??= createAuth(getDb(), { secret: resolveAuthSecret(), publicUrl: env.PUBLIC_URL });
  return globalForAuth.auth;
}
