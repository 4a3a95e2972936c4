/**
 * Editorial links survive whatever happens to the corpus (ADR 0005): a re-link, a re-ingest of an
 * unchanged source, a changed source (re-anchored or orphaned, never lost) and an index change.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLinker } from "@/lib/data/link-run";
import { createPrismaClient, type PrismaClient } from "@/lib/infra/prisma-client";
import { corpusDir } from "@/lib/infra/paths";
import { runIngest } from "@/lib/ingest/run";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
let prisma: PrismaClient;
const SPEECHES = "daxing-cppcc-2023-plenary-speeches.txt";

beforeAll(async () => {
  db = await createTestDatabase("links");
  prisma = createPrismaClient(db.url, 2);
  await runIngest({ url: db.url });
  await runLinker({ url: db.url });
});

afterAll(async () => {
  await prisma.$disconnect();
  await db.dispose();
});

const linkSelect = {
  id: true,
  documentId: true,
  planPath: true,
  targetId: true,
  status: true,
  origin: true,
  score: true,
  note: true,
  decidedBy: true,
  orphanedAt: true,
  orphanReason: true,
  evidence: {
    select: { paragraphId: true, paragraphQuote: true, planParagraphId: true, terms: true },
    orderBy: { rank: "asc" as const },
  },
};

const allLinks = () => prisma.link.findMany({ select: linkSelect, orderBy: { id: "asc" } });

function tempCorpus(edit: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "corpus-links-"));
  for (const f of fs.readdirSync(corpusDir)) fs.copyFileSync(path.join(corpusDir, f), path.join(dir, f));
  edit(dir);
  return dir;
}

/** Three decisions an editor might make, on speeches: one confirmed, one rejected, one added. */
async function decide() {
  const suggestions = await prisma.link.findMany({
    where: { documentId: { startsWith: "daxing-cppcc-2023-speeches-" }, targetId: null, evidence: { some: {} } },
    select: { id: true, documentId: true },
    orderBy: [{ documentId: "asc" }, { score: "desc" }],
  });
  const confirmed = suggestions[0]!;
  const rejected = suggestions.find((s) => s.documentId !== confirmed.documentId)!;
  await prisma.link.update({
    where: { id: confirmed.id },
    data: { status: "confirmed", decidedBy: "测试编辑", decidedAt: new Date(), note: "核对无误" },
  });
  await prisma.link.update({
    where: { id: rejected.id },
    data: { status: "rejected", decidedBy: "测试编辑", decidedAt: new Date() },
  });
  const added = await prisma.link.create({
    data: {
      id: "editor-added-link",
      documentId: "daxing-cppcc-2023-speeches-03",
      documentSourceId: "daxing-cppcc-2023-speeches",
      documentTitle: "关于吸引青年来兴就业，促进人才强区的建议",
      planId: "daxing-14th-fyp",
      planPath: "10.3",
      planNodeTitle: (await prisma.planNode.findFirstOrThrow({ where: { path: "10.3" }, select: { title: true } }))
        .title,
      origin: "editor",
      status: "confirmed",
      score: 0,
      band: "weak",
      method: "editor",
      methodVersion: "1",
      decidedBy: "测试编辑",
      decidedAt: new Date(),
      note: "编辑补充",
    },
    select: { id: true },
  });
  return { confirmed: confirmed.id, rejected: rejected.id, added: added.id };
}

describe("editorial links through corpus changes", () => {
  let ids: { confirmed: string; rejected: string; added: string };

  it("the linker suggests links with evidence for most documents, none twice", async () => {
    const links = await allLinks();
    expect(links.length).toBeGreaterThan(30);
    expect(links.every((l) => l.status === "suggested" && l.origin === "machine" && !l.orphanedAt)).toBe(true);
    expect(links.filter((l) => !l.targetId).every((l) => l.evidence.length > 0)).toBe(true);
    const keys = links.map((l) => `${l.documentId} ${l.planPath} ${l.targetId}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("a forced re-link keeps suggestion ids and never changes a decided link", async () => {
    ids = await decide();
    const before = await allLinks();
    const report = await runLinker({ url: db.url, force: true });
    expect(report.saved!.kept).toBeGreaterThanOrEqual(2);
    const after = await allLinks();
    const decided = (ls: typeof before) => ls.filter((l) => [ids.confirmed, ids.rejected, ids.added].includes(l.id));
    expect(decided(after)).toEqual(decided(before));
    expect(after.map((l) => l.id)).toEqual(before.map((l) => l.id));
  });

  it("an unchanged re-ingest (forced) changes no link", async () => {
    const before = await allLinks();
    await runIngest({ url: db.url, force: true });
    await runLinker({ url: db.url });
    expect(await allLinks()).toEqual(before);
  });

  it("an index-only change recomputes the search columns in place: links and paragraph ids untouched", async () => {
    const before = await allLinks();
    const paragraphIds = await prisma.paragraph.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    await prisma.source.updateMany({ data: { indexVersion: "an-older-index" } });
    await runIngest({ url: db.url });
    await runLinker({ url: db.url });
    expect(await prisma.paragraph.findMany({ select: { id: true }, orderBy: { id: "asc" } })).toEqual(paragraphIds);
    expect(await allLinks()).toEqual(before);
  });

  it("a paragraph inserted before the evidence: the confirmed link follows its passage", async () => {
    const confirmed = await prisma.link.findUniqueOrThrow({ where: { id: ids.confirmed }, select: linkSelect });
    const quote = confirmed.evidence[0]!.paragraphQuote;
    const dir = tempCorpus((d) => {
      const f = path.join(d, SPEECHES);
      const text = fs.readFileSync(f, "utf8");
      const at = text.indexOf(quote.slice(0, 12));
      expect(at).toBeGreaterThan(0);
      fs.writeFileSync(f, `${text.slice(0, at)}这是为了检验链接锚点而插入的一段新文字。\n\n${text.slice(at)}`);
    });
    await runIngest({ url: db.url, dir });
    await runLinker({ url: db.url });
    const after = await prisma.link.findUniqueOrThrow({ where: { id: ids.confirmed }, select: linkSelect });
    expect(after.orphanedAt).toBeNull();
    expect(after.status).toBe("confirmed");
    expect(after.note).toBe("核对无误");
    const oldN = Number(confirmed.evidence[0]!.paragraphId!.split("-p").pop());
    expect(after.evidence[0]!.paragraphId).toBe(`${confirmed.documentId}-p${oldN + 1}`);
    const p = await prisma.paragraph.findUniqueOrThrow({ where: { id: after.evidence[0]!.paragraphId! } });
    expect(p.text).toBe(quote);
    expect(await prisma.link.count({ where: { id: { in: [ids.rejected, ids.added] } } })).toBe(2);
  });

  it("the evidence passage rewritten: the confirmed link is orphaned, kept with its quote, and restored when the text returns", async () => {
    const confirmed = await prisma.link.findUniqueOrThrow({ where: { id: ids.confirmed }, select: linkSelect });
    const quote = confirmed.evidence[0]!.paragraphQuote;
    const dir = tempCorpus((d) => {
      const f = path.join(d, SPEECHES);
      const text = fs.readFileSync(f, "utf8");
      const at = text.indexOf(quote.slice(0, 12));
      fs.writeFileSync(f, `${text.slice(0, at)}改写后的开头，${text.slice(at + 12)}`);
    });
    await runIngest({ url: db.url, dir });
    await runLinker({ url: db.url });
    const orphaned = await prisma.link.findUniqueOrThrow({ where: { id: ids.confirmed }, select: linkSelect });
    expect(orphaned.orphanedAt).not.toBeNull();
    expect(orphaned.orphanReason).toMatch(/^passage/);
    expect(orphaned.status).toBe("confirmed");
    expect(orphaned.evidence[0]!.paragraphQuote).toBe(quote);
    // Back to the real corpus: the exact passage is there again, so the link resolves again.
    await runIngest({ url: db.url });
    await runLinker({ url: db.url });
    const restored = await prisma.link.findUniqueOrThrow({ where: { id: ids.confirmed }, select: linkSelect });
    expect(restored.orphanedAt).toBeNull();
    const p = await prisma.paragraph.findUniqueOrThrow({ where: { id: restored.evidence[0]!.paragraphId! } });
    expect(p.text).toBe(quote);
  });

  it("a source removed from the manifest orphans its decided links and deletes nothing editorial", async () => {
    const dir = tempCorpus((d) => {
      const m = JSON.parse(fs.readFileSync(path.join(d, "manifest.json"), "utf8"));
      m.sources = m.sources.filter((s: { file: string }) => s.file !== SPEECHES);
      fs.writeFileSync(path.join(d, "manifest.json"), JSON.stringify(m));
    });
    await runIngest({ url: db.url, dir });
    await runLinker({ url: db.url });
    const decided = await prisma.link.findMany({ where: { id: { in: Object.values(ids) } }, select: linkSelect });
    expect(decided).toHaveLength(3);
    expect(decided.every((l) => l.orphanedAt && l.orphanReason?.startsWith("document"))).toBe(true);
    await runIngest({ url: db.url });
    await runLinker({ url: db.url });
    expect(await prisma.link.count({ where: { id: { in: Object.values(ids) }, orphanedAt: null } })).toBe(3);
  });
});
