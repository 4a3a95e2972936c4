import { inject, describe, expect, it } from "vitest";
import pg from "pg";
import { applyMigrations, diffSchemaAgainstMigrations } from "@/lib/infra/schema-engine";

describe("migrations through the wasm schema engine", () => {
  const url = inject("databaseUrl");

  it("applying again is a no-op", async () => {
    expect(await applyMigrations(url)).toEqual([]);
  });

  it("schema.prisma and the migrations agree (no drift)", async () => {
    expect(await diffSchemaAgainstMigrations(url)).toBe("");
  });

  it("records every migration with Prisma's checksum", async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ checksum: string }>(
        "select checksum from _prisma_migrations where finished_at is not null",
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await client.end();
    }
  });
});
