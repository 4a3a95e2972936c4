import { describe, expect, it } from "vitest";
import { publicOrigin } from "@/lib/public-origin";

const request = (headers: Record<string, string>, url = "http://localhost:3000/api/v1/search?q=x") =>
  new Request(url, { headers });

describe("publicOrigin", () => {
  it("is PUBLIC_URL when set, whatever the request says", () => {
    expect(publicOrigin(request({ host: "evil.example" }), "https://policy.example.org")).toBe(
      "https://policy.example.org",
    );
  });

  it("else is the host the request was sent to, not Next's localhost:PORT", () => {
    expect(publicOrigin(request({ host: "policy.example.org:8080" }), undefined)).toBe(
      "http://policy.example.org:8080",
    );
    expect(publicOrigin(request({ host: "a.example", "x-forwarded-host": "B.example, c" }), undefined)).toBe(
      "http://b.example",
    );
    expect(publicOrigin(request({ host: "[::1]:3000" }, "https://localhost:3000/x"), undefined)).toBe(
      "https://[::1]:3000",
    );
  });

  it("never puts a malformed Host into a link", () => {
    for (const host of ['a.example/"><x', "a b", "a.example@evil", "-x.example"]) {
      expect(publicOrigin(request({ "x-forwarded-host": host }), undefined), host).toBe("http://localhost:3000");
    }
  });
});
