import "server-only";
import { env } from "./env";
import { createPrismaClient, type PrismaClient } from "./infra/prisma-client";

/**
 * The one Prisma client of the server. Created on first use: `next build` imports route modules
 * without a database, and dev hot reloads must not open a new pool on every edit.
 */
const globalForDb = globalThis as unknown as { prisma?: PrismaClient };

export function getDb(): PrismaClient {
  if (!globalForDb.prisma) {
    if (!env.DATABASE_URL) {
      throw new Error("DATABASE_URL is not set: start the app with `npm start` (it provides one) or set it yourself.");
    }
    globalForDb.prisma = createPrismaClient(env.DATABASE_URL);
  }
  return globalForDb.prisma;
}
