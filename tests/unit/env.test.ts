import { describe, expect, it } from "vitest";
import { childEnv } from "@/lib/env";
import { withDatabase, databaseName } from "@/lib/infra/database";

describe("database URLs", () => {
  it("replaces the database name and keeps credentials", () => {
    const url = withDatabase("postgresql://u:p%40ss@127.0.0.1:5432/old?sslmode=disable", "new_db");
    expect(url).toBe("postgresql://u:p%40ss@127.0.0.1:5432/new_db?sslmode=disable");
    expect(databaseName(url)).toBe("new_db");
  });
  it("defaults to the postgres database when none is named", () => {
    expect(databaseName("postgresql://postgres@127.0.0.1:5432")).toBe("postgres");
  });
});

describe("childEnv", () => {
  it("adds overrides and removes undefined ones", () => {
    const out = childEnv({ A: "1", B: undefined }, { B: "x", C: "y" });
    expect(out).toEqual({ A: "1", C: "y" });
  });
});
