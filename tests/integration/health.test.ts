import { describe, expect, it } from "vitest";
import { getHealth } from "@/lib/data/health";
import { listMigrationFolders } from "@/lib/infra/migration-folders";

describe("getHealth", () => {
  it("reports a reachable, fully migrated database", async () => {
    const health = await getHealth();
    expect(health.status).toBe("ok");
    expect(health.database.reachable).toBe(true);
    expect(health.database.serverVersion).toMatch(/^\d+/);
    expect(health.migrations).toEqual({ applied: listMigrationFolders().length, pending: 0 });
  });
});
