import { describe, expect, it } from "vitest";
import { childEnv, parseEnv } from "@/lib/env";
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

describe("auth settings", () => {
  it("takes PUBLIC_URL as an origin and refuses paths, other schemes and credentials", () => {
    expect(parseEnv({ PUBLIC_URL: "https://policy.example.org/" }).PUBLIC_URL).toBe("https://policy.example.org");
    expect(parseEnv({ PUBLIC_URL: "http://10.0.0.5:3000" }).PUBLIC_URL).toBe("http://10.0.0.5:3000");
    for (const bad of ["policy.example.org", "ftp://x.example", "https://x.example/app", "https://u:p@x.example"]) {
      expect(() => parseEnv({ PUBLIC_URL: bad }), bad).toThrow(/PUBLIC_URL/);
    }
  });

  it("wants AUTH_SECRET long enough, and treats an empty one as unset", () => {
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET: must be at least 32 characters/);
    expect(parseEnv({ AUTH_SECRET: "x".repeat(32) }).AUTH_SECRET).toBe("x".repeat(32));
    expect(parseEnv({ AUTH_SECRET: "" }).AUTH_SECRET).toBeUndefined();
  });
});
