/**
 * Fail fast and say so: errors that mean "the database is not there" become 503s with
 * Retry-After (API: the error contract with code database_unavailable; pages: a Chinese page),
 * other errors stay 500s; the availability probe gives up within its bound.
 */
import { inject } from "vitest";
import { describe, expect, it } from "vitest";
import { withApiErrors } from "@/lib/api/http";
import { getHealth } from "@/lib/data/health";
import {
  DatabaseUnavailableError,
  databaseAvailable,
  isDatabaseUnavailableError,
  noteDatabaseFailure,
  noteDatabaseSuccess,
  PROBE_TIMEOUT_MS,
} from "@/lib/data/availability";
import { databaseUnavailableResponse } from "@/lib/data/database-gate";
import { freePort } from "@/lib/infra/ports";
import { createServerPool, prismaOnPool } from "@/lib/infra/prisma-client";

const pool = { max: 2, connectTimeoutMs: 1_000, statementTimeoutMs: 300 };

async function errorOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

describe("database unavailable → 503", () => {
  it("recognises a refused connection and a statement timeout, and nothing else", async () => {
    const port = await freePort();
    const nowhere = prismaOnPool(createServerPool(`postgresql://app:x@127.0.0.1:${port}/nothing`, pool));
    const refused = await errorOf(() => nowhere.$queryRaw`select 1`);
    expect(isDatabaseUnavailableError(refused)).toBe(true);
    await nowhere.$disconnect();

    const real = prismaOnPool(createServerPool(inject("databaseUrl"), pool));
    try {
      const slow = await errorOf(() => real.$queryRaw`select pg_sleep(2)`);
      expect(isDatabaseUnavailableError(slow)).toBe(true);
      const badSql = await errorOf(() => real.$queryRawUnsafe("select * from no_such_table"));
      expect(isDatabaseUnavailableError(badSql)).toBe(false);
      const unique = await errorOf(() =>
        real.$executeRawUnsafe(
          `insert into "SignInThrottle" (username, failures, "lastFailureAt") values ('u', 1, now()), ('u', 1, now())`,
        ),
      );
      expect(isDatabaseUnavailableError(unique)).toBe(false);
    } finally {
      await real.$disconnect();
    }
    expect(isDatabaseUnavailableError(new Error("boom"))).toBe(false);
  });

  it("API routes answer 503 database_unavailable with Retry-After; other failures stay 500", async () => {
    const port = await freePort();
    const nowhere = prismaOnPool(createServerPool(`postgresql://app:x@127.0.0.1:${port}/nothing`, pool));
    const route = withApiErrors(async () => Response.json(await nowhere.$queryRaw`select 1`));
    const res = await route();
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await res.json()).toMatchObject({ error: { code: "database_unavailable" } });
    await nowhere.$disconnect();

    const broken = withApiErrors(async (): Promise<Response> => {
      throw new TypeError("a bug");
    });
    const original = console.error;
    console.error = () => undefined;
    try {
      expect((await broken()).status).toBe(500);
    } finally {
      console.error = original;
    }
  });

  it("pages answer a Chinese 503 page with Retry-After", async () => {
    const res = databaseUnavailableResponse(false);
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await res.text()).toContain("暂时无法连接数据库");
  });

  it("gives up on a database that does not answer within the probe bound, and believes a recovery", async () => {
    noteDatabaseSuccess();
    await new Promise((r) => setTimeout(r, 1_100)); // let the last success go stale
    const t0 = Date.now();
    expect(await databaseAvailable(() => new Promise(() => undefined))).toBe(false);
    expect(Date.now() - t0).toBeLessThan(PROBE_TIMEOUT_MS + 300);
    // Within the next second a "down" is believed without asking again.
    expect(await databaseAvailable(() => Promise.resolve())).toBe(false);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await databaseAvailable(() => Promise.resolve())).toBe(true);
  });

  it("health answers from a fresh failure without renewing it, so polling it never keeps a recovered database down", async () => {
    noteDatabaseFailure(new DatabaseUnavailableError());
    expect((await getHealth()).database.reachable).toBe(false);
    const t0 = Date.now();
    let reachable = false;
    while (!reachable && Date.now() - t0 < 5_000) {
      reachable = (await getHealth()).database.reachable;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(reachable).toBe(true);
    expect(Date.now() - t0).toBeLessThan(2_000);
  });
});
