import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";

/** A Prisma client on the pg driver adapter; the server's singleton lives in lib/db.ts, scripts make their own. */
export function createPrismaClient(url: string, poolSize = 10): PrismaClient {
  // JIT compilation costs more than it saves on our short ranking queries (hundreds of ms on
  // large match sets), so sessions run without it.
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolSize, options: "-c jit=off" }) });
}

export type { PrismaClient };
