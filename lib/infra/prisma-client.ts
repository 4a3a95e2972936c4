import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { SEARCH_SESSION_OPTIONS } from "../search/session";

/** A Prisma client on the pg driver adapter; the server's singleton lives in lib/db.ts, scripts make their own. */
export function createPrismaClient(url: string, poolSize = 10): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: poolSize, options: SEARCH_SESSION_OPTIONS }),
  });
}

export type { PrismaClient };
