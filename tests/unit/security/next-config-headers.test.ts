import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { resourceSecurityHeaders } from "@/lib/security/headers";

describe("next.config.js asset headers", () => {
  it("are the resource headers of lib/security/headers.ts (the proxy's), written out for Node", async () => {
    // next.config.js is plain JavaScript that Node loads as is; import it the same way.
    const configUrl = pathToFileURL(path.resolve(import.meta.dirname, "../../../next.config.js")).href;
    const { assetHeaders } = (await import(/* @vite-ignore */ configUrl)) as {
      assetHeaders: { key: string; value: string }[];
    };
    expect(Object.fromEntries(assetHeaders.map((h) => [h.key, h.value]))).toEqual(
      resourceSecurityHeaders({ https: false }),
    );
  });
});
