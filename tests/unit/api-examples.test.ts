import { describe, expect, it } from "vitest";
import { apiExamples, buildOpenApi, curlExample, endpoints, exampleKey, examplePath } from "@/lib/api/openapi";

describe("the API's examples (lib/api/examples.json)", () => {
  it.each(endpoints.map((e) => [exampleKey(e.method ?? "get", e.path), e] as const))(
    "%s has an example whose parameters, body and response fit the endpoint's schemas",
    (key, e) => {
      const example = apiExamples[key];
      expect(example, key).toBeDefined();
      const pathNames = Object.keys(e.pathParams?.shape ?? {});
      const pathValues = Object.fromEntries(Object.entries(example!.params).filter(([k]) => pathNames.includes(k)));
      const queryValues = Object.fromEntries(Object.entries(example!.params).filter(([k]) => !pathNames.includes(k)));
      if (e.pathParams) expect(e.pathParams.safeParse(pathValues).success).toBe(true);
      // Query values arrive as strings.
      const asStrings = Object.fromEntries(Object.entries(queryValues).map(([k, v]) => [k, String(v)]));
      if (e.query) expect(e.query.safeParse(asStrings).error).toBeUndefined();
      else expect(queryValues).toEqual({});
      if (e.body) expect(e.body.safeParse(example!.body).error).toBeUndefined();
      else expect(example!.body).toBeUndefined();
      expect(e.response.safeParse(example!.response).error).toBeUndefined();
    },
  );

  it("has no example for an endpoint that does not exist", () => {
    const keys = new Set(endpoints.map((e) => exampleKey(e.method ?? "get", e.path)));
    expect(Object.keys(apiExamples).filter((k) => !keys.has(k))).toEqual([]);
  });

  it("are in the OpenAPI document, and the curl line is built from them", () => {
    const doc = buildOpenApi() as { paths: Record<string, Record<string, Parameters<typeof curlExample>[3]>> };
    const get = doc.paths["/api/v1/search"]!.get!;
    expect(curlExample("https://example.org", "/api/v1/search", "get", get)).toBe(
      `curl '${"https://example.org"}${examplePath("/api/v1/search", apiExamples["GET /api/v1/search"]!.params)}'`,
    );
    const post = doc.paths["/api/v1/links"]!.post!;
    const curl = curlExample("https://example.org", "/api/v1/links", "post", post);
    expect(curl).toMatch(/^curl -X POST -H 'cookie: [^']+' -H 'origin: https:\/\/example.org' /);
    expect(curl).toContain(`-d '${JSON.stringify(apiExamples["POST /api/v1/links"]!.body)}'`);
    expect(curl.endsWith("'https://example.org/api/v1/links'")).toBe(true);
  });

  it("quotes a single quote in a body for the shell", () => {
    const op = {
      parameters: [{ name: "id", in: "path", example: "a b" }],
      requestBody: { content: { "application/json": { example: { note: "it's" } } } },
    };
    expect(curlExample("http://x", "/p/{id}", "patch", op)).toBe(
      `curl -X PATCH -H 'content-type: application/json' -d '{"note":"it'\\''s"}' 'http://x/p/a%20b'`,
    );
  });
});
