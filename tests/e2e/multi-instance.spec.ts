import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { E2E_EDITOR } from "../support/e2e-editor";

/**
 * Two instances on one database (tests/support/e2e-server.ts starts the second on the next port):
 * an editor's write through one shows through the other at once, although both had the link's
 * document in their read cache; a session made on one is good on the other.
 */
test("a change made through one instance is seen through the other", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const first = new URL(baseURL!);
  const second = new URL(baseURL!);
  second.port = String(Number(first.port) + 1);
  const a = await request.newContext({ baseURL: first.origin });
  await expect.poll(async () => (await a.get(`${second.origin}/api/health`)).status(), { timeout: 60_000 }).toBe(200);

  // A document whose links are all still the machine's, read through both instances (both cache it).
  const reports = await (await a.get("/api/v1/documents?kind=report&pageSize=50")).json();
  let target: { documentId: string; linkId: string } | undefined;
  for (const doc of [...reports.items].reverse()) {
    const links = await (await a.get(`/api/v1/documents/${encodeURIComponent(doc.id)}/links`)).json();
    const suggested = links.items.find((l: { status: string }) => l.status === "suggested");
    if (suggested) {
      target = { documentId: doc.id, linkId: suggested.id };
      break;
    }
  }
  expect(target, "a report with a suggested link").toBeDefined();
  const linksPath = `/api/v1/documents/${encodeURIComponent(target!.documentId)}/links`;
  const statusOn = async (ctx: APIRequestContext, origin: string) => {
    const body = await (await ctx.get(`${origin}${linksPath}`)).json();
    return body.items.find((l: { id: string }) => l.id === target!.linkId)?.status;
  };
  const reader = await request.newContext();
  expect(await statusOn(reader, second.origin)).toBe("suggested");
  expect(await statusOn(reader, first.origin)).toBe("suggested");

  // The editor signs in on the first instance and confirms the link there.
  const signIn = await a.post("/api/auth/sign-in/username", {
    data: { username: E2E_EDITOR.name, password: E2E_EDITOR.password },
    headers: { origin: first.origin },
  });
  expect(signIn.ok()).toBe(true);
  const confirm = await a.patch(`/api/v1/links/${encodeURIComponent(target!.linkId)}`, {
    data: { status: "confirmed", note: "e2e：两个实例" },
    headers: { origin: first.origin },
  });
  expect(confirm.status()).toBe(200);

  // The second instance answers with the change on the very next request.
  expect(await statusOn(reader, second.origin)).toBe("confirmed");

  // The session made on the first instance writes through the second (same cookie: same host).
  const b = await request.newContext({ baseURL: second.origin, storageState: await a.storageState() });
  const renote = await b.patch(`/api/v1/links/${encodeURIComponent(target!.linkId)}`, {
    data: { note: "e2e：第二个实例改的备注" },
    headers: { origin: second.origin },
  });
  expect(renote.status()).toBe(200);
  const seenOnFirst = await (await reader.get(`${first.origin}${linksPath}`)).json();
  expect(seenOnFirst.items.find((l: { id: string }) => l.id === target!.linkId)?.note).toBe("e2e：第二个实例改的备注");

  await Promise.all([a.dispose(), b.dispose(), reader.dispose()]);
});
