import "server-only";
import type pg from "pg";
import { noteDatabaseFailure, noteDatabaseSuccess } from "./data/availability";
import { env } from "./env";
import { createServerPool, prismaOnPool, type PrismaClient } from "./infra/prisma-client";

/**
 * The one Prisma client of the server. Created on first use: `next build` imports route modules
 * without a database, and dev hot reloads must not open a new pool on every edit. Its pool is
 * bounded in time (lib/infra/prisma-client.ts) and reports every outcome to lib/data/availability.ts.
 */
const globalForDb = globalThis as unknown as { prisma?: PrismaClient; pool?: pg.Pool };

function getPool(): pg.Pool {
  if (!globalForDb.pool) {
    if (!env.DATABASE_URL) {
      throw new Error("DATABASE_URL is not set: start the app with `npm start` (it provides one) or set it yourself.");
    }
    const pool = createServerPool(env.DATABASE_URL, {
      max: env.DATABASE_POOL_MAX,
      connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    });
    const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
    (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const result = query(...args);
      if (result instanceof Promise) result.then(noteDatabaseSuccess, noteDatabaseFailure);
      return result;
    };
    // pg-pool's own query() calls connect(callback): only the promise form (transactions) is watched.
    const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
    (pool as unknown as { connect: (...args: unknown[]) => unknown }).connect = (...args: unknown[]) => {
      const result = connect(...args);
      if (result instanceof Promise) result.catch(noteDatabaseFailure);
      return result;
    };
    // An idle connection dropped by a restarting server is not an error of any request.
    pool.on("error", noteDatabaseFailure);
    globalForDb.pool = pool;
  }
  return globalForDb.pool;
}

export function getDb(): PrismaClient {
  globalForDb.prisma ??= prismaOnPool(getPool());
  return globalForDb.prisma;
}

/** One `select 1` through the server's pool: the availability probe. */
export function pingDatabase(): Promise<unknown> {
  return getPool().query("select 1");
}

/**
 * A plain query on the server's pool, without Prisma: health must answer within its deadline even
 * in a process whose Prisma client has not loaded yet (its first query costs a second or more).
 */
export async function rawQuery<T extends object>(sql: string): Promise<T[]> {
  return (await getPool().query(sql)).rows as T[];
}
