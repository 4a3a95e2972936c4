/**
 * Editorial writes: each change lands with its audit event or not at all; decided links survive
 * re-links and corpus changes; an orphaned link is re-attached to a passage an editor picks.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addLink, CurationError, listLinkEvents, reattachLink, updateLink, type Editor } from "@/lib/data/curation";
import { runLinker } from "@/lib/data/link-run";
import { createPrismaClient, type PrismaClient } from "@/lib/infra/prisma-client";
import { corpusDir } from "@/lib/infra/paths";
import { runIngest } from "@/lib/ingest/run";
import { anchorCandidates } from "@/lib/linking/candidates";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
let prisma: PrismaClient;
const editor: Editor = { id: "editor-1", name: "王编辑" };
const other: Editor = { id: "editor-2", name: "李编辑" };

beforeAll(async () => {
  db = await createTestDatabase("curation");
  prisma = createPrismaClient(db.url, 4);
  await runIngest({ url: db.url });
  await runLinker({ url: db.url });
});

afterAll(async () => {
  await prisma.$disconnect();
  await db.dispose();
});

const suggestion = (skip = 0) =>
  prisma.link.findFirstOrThrow({
    where: { status: "suggested", targetId: null, evidence: { some: {} }, documentId: { contains: "speeches" } },
    select: { id: true, documentId: true, planPath: true },
    orderBy: [{ documentId: "asc" }, { score: "desc" }],
    skip,
  });

describe("curation writes", () => {
  it("confirm, note and reject each append one event with before → after", async () => {
    const link = await suggestion();
    await updateLink(prisma, link.id, { status: "confirmed", note: "与规划7.3吻合" }, editor);
    await updateLink(prisma, link.id, { note: "补充说明" }, other);
    await updateLink(prisma, link.id, { note: "补充说明" }, other); // no change, no event
    const events = await listLinkEvents(prisma, link.id);
    expect(events.map((e) => [e.action, e.actorName])).toEqual([
      ["confirm", "王编辑"],
      ["note", "李编辑"],
    ]);
    expect(events[0]!.before).toMatchObject({ status: "suggested", note: null });
    expect(events[0]!.after).toMatchObject({ status: "confirmed", note: "与规划7.3吻合" });
    const row = await prisma.link.findUniqueOrThrow({ where: { id: link.id } });
    expect(row).toMatchObject({ status: "confirmed", note: "补充说明", decidedBy: "李编辑" });
  });

  it("an added link is confirmed, the editor's, and a duplicate is refused", async () => {
    const id = await addLink(
      prisma,
      { documentId: "daxing-cppcc-2023-speeches-03", planPath: "10.3", note: "编辑补充" },
      editor,
    );
    const row = await prisma.link.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ origin: "editor", status: "confirmed", note: "编辑补充", planPath: "10.3" });
    await expect(
      addLink(prisma, { documentId: "daxing-cppcc-2023-speeches-03", planPath: "10.3" }, editor),
    ).rejects.toThrow(CurationError);
    await expect(addLink(prisma, { documentId: "nope", planPath: "10.3" }, editor)).rejects.toThrow(/No document/);
    expect((await listLinkEvents(prisma, id)).map((e) => e.action)).toEqual(["add"]);
  });

  it("adding a link the machine suggested takes it over (same id, evidence kept)", async () => {
    const s = await suggestion(3);
    const id = await addLink(prisma, { documentId: s.documentId, planPath: s.planPath, note: "采纳" }, editor);
    expect(id).toBe(s.id);
    const row = await prisma.link.findUniqueOrThrow({ where: { id }, include: { evidence: true } });
    expect(row.origin).toBe("editor");
    expect(row.evidence.length).toBeGreaterThan(0);
  });

  it("a failed write leaves no half: an unknown target adds neither link nor event", async () => {
    const [links, events] = [await prisma.link.count(), await prisma.linkEvent.count()];
    await expect(
      addLink(prisma, { documentId: "daxing-cppcc-2023-speeches-01", planPath: "7.1", targetId: "no-such" }, editor),
    ).rejects.toThrow(CurationError);
    expect([await prisma.link.count(), await prisma.linkEvent.count()]).toEqual([links, events]);
  });

  it("concurrent changes to one link are serialised: every event sees the state the previous left", async () => {
    const link = await suggestion(5);
    await Promise.all([
      updateLink(prisma, link.id, { status: "confirmed" }, editor),
      updateLink(prisma, link.id, { status: "rejected" }, other),
      updateLink(prisma, link.id, { note: "并发" }, editor),
    ]);
    const events = await listLinkEvents(prisma, link.id);
    for (let i = 1; i < events.length; i++) {
      expect(events[i]!.before).toEqual(events[i - 1]!.after);
    }
  });

  it("decisions survive a forced re-link and a forced re-ingest", async () => {
    const decided = () =>
      prisma.link.findMany({
        where: { OR: [{ status: { not: "suggested" } }, { origin: "editor" }] },
        select: { id: true, status: true, note: true, documentId: true, planPath: true, decidedBy: true },
        orderBy: { id: "asc" },
      });
    const before = await decided();
    expect(before.length).toBeGreaterThanOrEqual(4);
    await runLinker({ url: db.url, force: true });
    await runIngest({ url: db.url, force: true });
    await runLinker({ url: db.url });
    expect(await decided()).toEqual(before);
  });

  it("an orphaned link is re-attached to a candidate passage an editor picks", async () => {
    const link = await prisma.link.findFirstOrThrow({
      where: { status: "confirmed", origin: "machine", evidence: { some: {} } },
      select: { id: true, documentId: true, evidence: { select: { paragraphQuote: true }, orderBy: { rank: "asc" } } },
    });
    const quote = link.evidence[0]!.paragraphQuote;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "corpus-curation-"));
    for (const f of fs.readdirSync(corpusDir)) fs.copyFileSync(path.join(corpusDir, f), path.join(dir, f));
    const file = path.join(dir, "daxing-cppcc-2023-plenary-speeches.txt");
    const text = fs.readFileSync(file, "utf8");
    const at = text.indexOf(quote.slice(0, 10));
    // An editor of the source reworded the start of the passage.
    fs.writeFileSync(file, `${text.slice(0, at)}我们认为，${text.slice(at + 4)}`);
    await runIngest({ url: db.url, dir });
    await runLinker({ url: db.url });
    expect((await prisma.link.findUniqueOrThrow({ where: { id: link.id } })).orphanedAt).not.toBeNull();
    await expect(updateLink(prisma, link.id, { status: "suggested" }, editor)).rejects.toThrow(/orphaned/);

    const paragraphs = await prisma.paragraph.findMany({ where: { documentId: link.documentId } });
    const [best] = anchorCandidates(quote, paragraphs);
    expect(best!.item.text.startsWith("我们认为")).toBe(true);
    await reattachLink(prisma, link.id, [{ rank: 0, paragraphId: best!.item.id }], editor, "原文措辞调整");
    const after = await prisma.link.findUniqueOrThrow({ where: { id: link.id }, include: { evidence: true } });
    expect(after.orphanedAt).toBeNull();
    expect(after.status).toBe("confirmed");
    expect((await listLinkEvents(prisma, link.id)).at(-1)).toMatchObject({ action: "reattach", note: "原文措辞调整" });
    await runIngest({ url: db.url });
  });
});
