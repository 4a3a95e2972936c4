import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("database settings", () => {
  it("takes an admin URL for the same server and database as DATABASE_URL", () => {
    const env = parseEnv({
      DATABASE_URL: "postgresql://policy_app:pw@db.example:5432/policy_explorer",
      DATABASE_ADMIN_URL: "postgresql://owner:pw2@db.example:5432/policy_explorer",
    });
    expect(env.DATABASE_ADMIN_URL).toBe("postgresql://owner:pw2@db.example:5432/policy_explorer");
  });

  it("refuses an admin URL without DATABASE_URL, or naming another server or database", () => {
    expect(() => parseEnv({ DATABASE_ADMIN_URL: "postgresql://owner@db.example/policy_explorer" })).toThrow(
      /DATABASE_ADMIN_URL: needs DATABASE_URL/,
    );
    for (const admin of ["postgresql://owner@other.example/policy_explorer", "postgresql://owner@db.example/other"]) {
      expect(() =>
        parseEnv({ DATABASE_URL: "postgresql://app@db.example/policy_explorer", DATABASE_ADMIN_URL: admin }),
      ).toThrow(/same host, port and database/);
    }
  });

  it("bounds the timeouts, the pool and the snapshots, with defaults", () => {
    const env = parseEnv({});
    expect([env.DATABASE_CONNECT_TIMEOUT_MS, env.DATABASE_STATEMENT_TIMEOUT_MS, env.DATABASE_POOL_MAX]).toEqual([
      3000, 5000, 10,
    ]);
    expect([env.SNAPSHOT_KEEP, env.SNAPSHOT_INTERVAL_HOURS]).toEqual([14, 24]);
    expect(() => parseEnv({ DATABASE_STATEMENT_TIMEOUT_MS: "0" })).toThrow(/DATABASE_STATEMENT_TIMEOUT_MS/);
    expect(() => parseEnv({ DATABASE_POOL_MAX: "lots" })).toThrow(/DATABASE_POOL_MAX/);
    expect(() => parseEnv({ SNAPSHOT_KEEP: "0" })).toThrow(/SNAPSHOT_KEEP/);
  });
});
