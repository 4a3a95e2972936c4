import { describe, expect, it } from "vitest";
import { sharedBuffersMb } from "@/lib/infra/embedded-postgres";

describe("embedded server settings", () => {
  it("gives shared buffers an eighth of memory, between 128 MB and 1 GB", () => {
    expect(sharedBuffersMb(512 * 1024 ** 2)).toBe(128);
    expect(sharedBuffersMb(4 * 1024 ** 3)).toBe(512);
    expect(sharedBuffersMb(24 * 1024 ** 3)).toBe(1024);
  });
});
