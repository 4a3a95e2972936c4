/** Curation moves between installs: export → import into a fresh database gives the same links and history. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addLink, updateLink, type Editor } from "@/lib/data/curation";
import { CurationImportError, exportCuration, importCuration, type CurationFile } from "@/lib/data/curation-transfer";
import { runLinker } from "@/lib/data/link-run";
import { createPrismaClient, type PrismaClient } from "@/lib/infra/prisma-client";
import { runIngest } from "@/lib/ingest/run";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const editor: Editor = { id: "ed-1", name: "赵编辑" };
let source: TestDatabase;
let target: TestDatabase;
let a: PrismaClient;
let b: PrismaClient;
let file: CurationFile;

async function install(prefix: string) {
  const db = await createTestDatabase(prefix);
  await runIngest({ url: db.url });
  await runLinker({ url: db.url });
  return db;
}

beforeAll(async () => {
  [source, target] = await Promise.all([install("export"), install("import")]);
  a = createPrismaClient(source.url, 2);
  b = createPrismaClient(target.url, 2);
  const suggestions = await a.link.findMany({
    where: { status: "suggested", targetId: null },
    select: { id: true },
    orderBy: [{ documentId: "asc" }, { score: "desc" }],
    take: 3,
  });
  await updateLink(a, suggestions[0]!.id, { status: "confirmed", note: "确认" }, editor);
  await updateLink(a, suggestions[1]!.id, { status: "rejected", note: "无关" }, editor);
  await updateLink(a, suggestions[2]!.id, { note: "仅备注" }, editor);
  await addLink(a, { documentId: "beijing-npc-2020-reports-14", planPath: "6.1.3", note: "静态交通即停车" }, editor);
  file = await exportCuration(a);
});

afterAll(async () => {
  await Promise.all([a.$disconnect(), b.$disconnect()]);
  await Promise.all([source.dispose(), target.dispose()]);
});

const editorial = (db: PrismaClient) =>
  db.link.findMany({
    where: { OR: [{ origin: "editor" }, { status: { not: "suggested" } }, { events: { some: {} } }] },
    include: { evidence: { orderBy: { rank: "asc" } }, events: { orderBy: { at: "asc" } } },
    orderBy: { id: "asc" },
  });

describe("curation export and import", () => {
  it("exports the decided and added links with their history, and no secrets", () => {
    expect(file.links).toHaveLength(4);
    expect(file.events).toHaveLength(4);
    expect(file.editors).toEqual([{ id: "ed-1", name: "赵编辑" }]);
    expect(JSON.stringify(file)).not.toMatch(/password|secret|token/i);
  });

  it("imports into a fresh install: the same links, evidence and history", async () => {
    const report = await importCuration(b, file);
    expect(report.links.created).toBe(4);
    expect(report.events.created).toBe(4);
    expect(report.anchoring.orphaned).toEqual([]);
    // Evidence row ids are local to an install; everything else must be equal.
    const strip = (ls: Awaited<ReturnType<typeof editorial>>) =>
      ls.map((l) => ({ ...l, evidence: l.evidence.map((e) => ({ ...e, id: "" })) }));
    expect(strip(await editorial(b))).toEqual(strip(await editorial(a)));
  });

  it("is idempotent: a second import changes nothing", async () => {
    const before = await editorial(b);
    const report = await importCuration(b, file);
    expect(report.links).toEqual({ created: 0, updated: 0, unchanged: 4, replacedSuggestions: 0 });
    expect(report.events).toEqual({ created: 0, unchanged: 4 });
    expect(await editorial(b)).toEqual(before);
  });

  it("refuses an invalid file and writes nothing", async () => {
    const counts = async () => [await b.link.count(), await b.linkEvent.count()];
    const before = await counts();
    const broken = structuredClone(file) as unknown as { links: { status: string }[] };
    broken.links[0]!.status = "approved";
    await expect(importCuration(b, broken)).rejects.toThrow(CurationImportError);
    await expect(importCuration(b, { ...file, events: [{ ...file.events[0]!, linkId: "nope" }] })).rejects.toThrow(
      /unknown link/,
    );
    await expect(importCuration(b, { format: "something-else" })).rejects.toThrow(CurationImportError);
    expect(await counts()).toEqual(before);
  });

  it("aborts, all or nothing, when another editorial link holds an imported link's place", async () => {
    const clash = structuredClone(file);
    const l = clash.links.find((x) => x.origin === "editor")!;
    clash.links = [...clash.links.filter((x) => x !== l), { ...l, id: "another-id" }];
    clash.events = clash.events.map((e) => (e.linkId === l.id ? { ...e, id: `${e.id}-2`, linkId: "another-id" } : e));
    const before = await b.linkEvent.count();
    await expect(importCuration(b, clash)).rejects.toThrow(/conflicts/);
    expect(await b.linkEvent.count()).toBe(before);
    expect(await b.link.count({ where: { id: "another-id" } })).toBe(0);
  });
});
