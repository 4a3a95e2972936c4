import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client";
import { SEARCH_SESSION_OPTIONS } from "../search/session";

/** A Prisma client on the pg driver adapter; the server's singleton lives in lib/db.ts, scripts make their own. */
export function createPrismaClient(url: string, poolSize = 10): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: poolSize, options: SEARCH_SESSION_OPTIONS }),
  });
}

export interface ServerPoolOptions {
  max: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
}

/**
 * The web server's pool, bounded so a missing or frozen database fails fast instead of hanging:
 * a connection (new, or a free slot of the pool) within `connectTimeoutMs`; every statement cut
 * by the server at `statementTimeoutMs`, and given up by the client a second later when the server
 * cannot even say so (a frozen process). A transaction left idle is ended by the server.
 */
export function createServerPool(url: string, o: ServerPoolOptions): pg.Pool {
  return new pg.Pool({
    connectionString: url,
    max: o.max,
    connectionTimeoutMillis: o.connectTimeoutMs,
    query_timeout: o.statementTimeoutMs + 1_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    options: [
      SEARCH_SESSION_OPTIONS,
      `-c statement_timeout=${o.statementTimeoutMs}`,
      `-c idle_in_transaction_session_timeout=${2 * o.statementTimeoutMs}`,
    ].join(" "),
  });
}

export function prismaOnPool(pool: pg.Pool): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}

export type { PrismaClient };
