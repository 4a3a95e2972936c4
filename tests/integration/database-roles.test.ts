import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withDatabase } from "@/lib/infra/database";
import { grantAppPrivileges } from "@/lib/infra/roles";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The application role's privileges, as lib/infra/roles.ts grants them: rows yes, schema no. Run
 * with a role of this test's own (on the embedded server and on an external one alike), dropped
 * afterwards.
 */
let db: TestDatabase;
const role = `it_app_${crypto.randomBytes(4).toString("hex")}`;
const password = crypto.randomBytes(16).toString("hex");
let admin: pg.Client;
let app: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase("roles");
  admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  await admin.query(`create role ${role} login password '${password}'`);
  await grantAppPrivileges(db.url, role);
  const u = new URL(db.url);
  u.username = role;
  u.password = password;
  app = new pg.Client({ connectionString: u.toString() });
  await app.connect();
});

afterAll(async () => {
  await app?.end();
  await admin?.end();
  await db?.dispose();
  // The database (and with it the grants and default privileges) is gone: the role can go too.
  const server = new pg.Client({ connectionString: withDatabase(db.url, "postgres") });
  await server.connect();
  await server.query(`drop role if exists ${role}`);
  await server.end();
});

const code = async (sql: string) => {
  try {
    await app.query(sql);
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe("the application role", () => {
  it("reads and writes rows of the app's tables and uses their sequences", async () => {
    expect((await app.query(`select count(*)::int as n from "Source"`)).rows[0].n).toBeGreaterThanOrEqual(0);
    await app.query("begin");
    await app.query(
      `insert into "SignInThrottle" (username, failures, "lastFailureAt") values ('roles-test', 1, now())`,
    );
    await app.query(`update "SignInThrottle" set failures = 2 where username = 'roles-test'`);
    expect((await app.query(`delete from "SignInThrottle" where username = 'roles-test'`)).rowCount).toBe(1);
    await app.query("rollback");
    expect((await app.query(`select count(*)::int as n from _prisma_migrations`)).rows[0].n).toBeGreaterThan(0);
  });

  it("cannot change the schema, empty tables wholesale or rewrite the migration history", async () => {
    expect(await code("create table intruder (id int)")).toBe("42501");
    expect(await code(`drop table "Link"`)).toBe("42501");
    expect(await code(`alter table "Link" add column x int`)).toBe("42501");
    expect(await code(`truncate "LinkEvent"`)).toBe("42501");
    expect(await code(`create index on "Link" (note)`)).toBe("42501");
    expect(await code(`delete from _prisma_migrations`)).toBe("42501");
    expect(await code(`create database intruder_db`)).toBe("42501");
    expect(await code(`create role intruder`)).toBe("42501");
  });

  it("gets the same rights on tables a later migration creates (default privileges)", async () => {
    await admin.query(`create table later_migration (id serial primary key, v text)`);
    try {
      await app.query(`insert into later_migration (v) values ('x')`);
      expect((await app.query(`select v from later_migration`)).rows).toEqual([{ v: "x" }]);
      expect(await code(`drop table later_migration`)).toBe("42501");
    } finally {
      await admin.query(`drop table later_migration`);
    }
  });

  it("owns nothing and has no role attributes beyond LOGIN", async () => {
    const { rows } = await admin.query(
      `select rolsuper, rolcreatedb, rolcreaterole, rolbypassrls,
              (select count(*)::int from pg_class where relowner = r.oid) as owned
         from pg_roles r where rolname = $1`,
      [role],
    );
    expect(rows).toEqual([
      { rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolbypassrls: false, owned: 0 },
    ]);
  });
});
