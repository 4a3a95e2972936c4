import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";

/** A Prisma client on the pg driver adapter; the server's singleton lives in lib/db.ts, scripts make their own. */
export function createPrismaClient(url: string, poolSize = 10): PrismaClient {
  // JIT compilation costs more than it saves on our short ranking queries (hundreds of ms on
  // large match sets), so sessions run without it. Parallel workers start sooner than by
  // default: scoring tens of thousands of matching paragraphs splits well across cores, and
  // the default costs only let a query go parallel when it is several times slower than that.
  const options = "-c jit=off -c parallel_setup_cost=100 -c parallel_tuple_cost=0.01";
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolSize, options }) });
}

export type { PrismaClient };
