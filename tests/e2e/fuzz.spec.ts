/**
 * The structured fuzz (tests/support/fuzz.ts) over HTTP against the real server: pages rendered,
 * TRACE sent, the editor's writes with a real session — zero 5xx, the API's error shape, no error
 * boundary on a 200 page, CORS on the public reads only, security headers on every response.
 */
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_EDITOR } from "../support/e2e-editor";
import { describeReport, fuzzCases, httpSender, runFuzz } from "../support/fuzz";

test("every route answers hostile input with a 4xx or better", async ({ request, baseURL }) => {
  test.setTimeout(900_000);
  const BASE = baseURL!;
  const signIn = await request.post("/api/auth/sign-in/username", {
    headers: { origin: BASE },
    data: { username: E2E_EDITOR.name, password: E2E_EDITOR.password },
  });
  expect(signIn.status()).toBe(200);
  const editorCookie = /policy-explorer\.session_token=[^;]+/.exec(signIn.headers()["set-cookie"] ?? "")![0];
  const openapi = await (await request.get("/api/v1/openapi.json")).json();
  const people = await (await request.get("/api/v1/suggest?q=%E5%91%A8")).json();
  const links = await (await request.get("/api/v1/documents/daxing-cppcc-2023-speeches-01/links")).json();
  const cases = fuzzCases({
    openapi,
    appDir: path.join(process.cwd(), "app"),
    samples: {
      documentId: "daxing-cppcc-2023-speeches-01",
      personId: (people.items.find((i: { type: string }) => i.type === "person")?.url ?? "/people/x").split("/").pop(),
      linkId: links.items[0]?.id ?? "no-link",
      planPath: "3.2",
    },
    origin: BASE,
    editorCookie,
    httpOnlyMethods: true,
    // Pages render for real: each hostile value once per page, in a parameter that turns.
    pageValues: 24,
  });
  const report = await runFuzz(cases, httpSender(BASE, editorCookie), { concurrency: 4 });
  console.log(`[fuzz over HTTP] ${describeReport(report)}`);
  expect(report.failures).toEqual([]);
  expect([...report.statuses.keys()].filter((s) => s >= 500)).toEqual([]);
});
