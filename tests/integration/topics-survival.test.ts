/**
 * Editors' topic decisions are editorial data (ADR 0009): they win over the automatic assignment,
 * survive a re-run and re-ingests (orphaned while their document is gone, never deleted), and move
 * between installs with curation:export / curation:import.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportCuration, importCuration } from "@/lib/data/curation-transfer";
import { runLinker } from "@/lib/data/link-run";
import { decideDocumentTopic, listDocumentTopicEvents } from "@/lib/data/topics-curation";
import { runTopicAssignment } from "@/lib/data/topics-run";
import type { Editor } from "@/lib/data/curation";
import { createPrismaClient, type PrismaClient } from "@/lib/infra/prisma-client";
import { corpusDir } from "@/lib/infra/paths";
import { runIngest } from "@/lib/ingest/run";
import { effectiveTopics } from "@/lib/topics/effective";
import { loadTaxonomy } from "@/lib/topics/taxonomy";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const editor: Editor = { id: "ed-topics", name: "钱编辑" };
const SPEECH = "daxing-cppcc-2023-speeches-09"; // 落实“双碳”精神，打造零碳大兴
const SPEECHES = "daxing-cppcc-2023-plenary-speeches.txt";
let db: TestDatabase;
let prisma: PrismaClient;

async function install(prefix: string) {
  const t = await createTestDatabase(prefix);
  await runIngest({ url: t.url });
  await runLinker({ url: t.url });
  return t;
}

beforeAll(async () => {
  db = await install("topics");
  prisma = createPrismaClient(db.url, 2);
});

afterAll(async () => {
  await prisma.$disconnect();
  await db.dispose();
});

/** What readers see for one document, from the stored rows (as lib/data/topics.ts computes it). */
async function visibleTopics(client: PrismaClient, documentId: string): Promise<string[]> {
  const [machine, decisions] = await Promise.all([
    client.topicAssignment.findMany({
      where: { subjectKind: "document", documentId },
      select: { documentId: true, topicSlug: true, score: true },
    }),
    client.topicDecision.findMany({ where: { documentId } }),
  ]);
  const topics = effectiveTopics(
    machine.map((m) => ({ documentId: m.documentId!, topicSlug: m.topicSlug, score: m.score })),
    decisions.map((d) => ({ ...d, orphaned: d.orphanedAt !== null })),
    new Set(loadTaxonomy().map((t) => t.slug)),
  );
  return (topics.get(documentId) ?? []).map((t) => t.slug).sort();
}

function tempCorpus(edit: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "corpus-topics-"));
  for (const f of fs.readdirSync(corpusDir)) fs.copyFileSync(path.join(corpusDir, f), path.join(dir, f));
  edit(dir);
  return dir;
}

describe("topic runs", () => {
  it("store document, plan node and passage assignments once per stamp", async () => {
    const kinds = await prisma.topicAssignment.groupBy({ by: ["subjectKind"], _count: { _all: true } });
    expect(Object.fromEntries(kinds.map((k) => [k.subjectKind, k._count._all > 0]))).toEqual({
      document: true,
      plan_node: true,
      paragraph: true,
    });
    expect(await prisma.topicRun.count()).toBe(1);
    // Nothing changed since: the run is skipped.
    expect((await runTopicAssignment(prisma)).ran).toBe(false);
    expect(await visibleTopics(prisma, SPEECH)).toContain("ecology");
  });
});

describe("editors' topic decisions", () => {
  it("add and remove win over the machine, each with its audit event; a no-op writes nothing", async () => {
    await decideDocumentTopic(
      prisma,
      { documentId: SPEECH, topic: "ecology", action: "remove", note: "测试移除" },
      editor,
    );
    await decideDocumentTopic(
      prisma,
      { documentId: SPEECH, topic: "transport", action: "add", note: "涉及绿色出行" },
      editor,
    );
    await decideDocumentTopic(prisma, { documentId: SPEECH, topic: "transport", action: "add" }, editor);
    const visible = await visibleTopics(prisma, SPEECH);
    expect(visible).toContain("transport");
    expect(visible).not.toContain("ecology");
    const events = await listDocumentTopicEvents(prisma, SPEECH);
    expect(events.map((e) => [e.topic, e.action, e.actorName])).toEqual([
      ["ecology", "remove", "钱编辑"],
      ["transport", "add", "钱编辑"],
    ]);
    expect(events[0]!.after).toMatchObject({ status: "removed", note: "测试移除" });
    // The machine still says ecology: the decision is on top of it, not a change to it.
    expect(
      await prisma.topicAssignment.count({
        where: { subjectKind: "document", documentId: SPEECH, topicSlug: "ecology" },
      }),
    ).toBe(1);
  });

  it("an unknown topic or document is refused and writes nothing", async () => {
    const before = await prisma.topicEvent.count();
    await expect(
      decideDocumentTopic(prisma, { documentId: SPEECH, topic: "no-such-topic", action: "add" }, editor),
    ).rejects.toThrow(/No topic/);
    await expect(
      decideDocumentTopic(prisma, { documentId: "no-such-doc", topic: "ecology", action: "add" }, editor),
    ).rejects.toThrow(/No document/);
    expect(await prisma.topicEvent.count()).toBe(before);
  });

  it("survive a forced re-run of the linker and the topics", async () => {
    const runs = await prisma.topicRun.count();
    await runLinker({ url: db.url, force: true });
    expect(await prisma.topicRun.count()).toBe(runs + 1);
    const visible = await visibleTopics(prisma, SPEECH);
    expect(visible).toContain("transport");
    expect(visible).not.toContain("ecology");
    expect(await prisma.topicDecision.count({ where: { documentId: SPEECH, orphanedAt: null } })).toBe(2);
  });

  it("survive a forced re-ingest of the corpus", async () => {
    await runIngest({ url: db.url, force: true });
    await runLinker({ url: db.url });
    const visible = await visibleTopics(prisma, SPEECH);
    expect(visible).toContain("transport");
    expect(visible).not.toContain("ecology");
  });

  it("are orphaned, not deleted, while their document is gone, and apply again when it is back", async () => {
    const dir = tempCorpus((d) => {
      const m = JSON.parse(fs.readFileSync(path.join(d, "manifest.json"), "utf8"));
      m.sources = m.sources.filter((s: { file: string }) => s.file !== SPEECHES);
      fs.writeFileSync(path.join(d, "manifest.json"), JSON.stringify(m));
    });
    await runIngest({ url: db.url, dir });
    await runLinker({ url: db.url });
    const orphaned = await prisma.topicDecision.findMany({ where: { documentId: SPEECH } });
    expect(orphaned).toHaveLength(2);
    expect(orphaned.every((d) => d.orphanedAt !== null)).toBe(true);
    expect(await prisma.topicEvent.count({ where: { decision: { documentId: SPEECH } } })).toBe(2);
    await runIngest({ url: db.url });
    await runLinker({ url: db.url });
    expect(await prisma.topicDecision.count({ where: { documentId: SPEECH, orphanedAt: null } })).toBe(2);
    expect(await visibleTopics(prisma, SPEECH)).toContain("transport");
  });

  it("reset gives the topic back to the machine, and is recorded", async () => {
    await decideDocumentTopic(prisma, { documentId: SPEECH, topic: "ecology", action: "reset" }, editor);
    expect(await visibleTopics(prisma, SPEECH)).toContain("ecology");
    const events = await listDocumentTopicEvents(prisma, SPEECH);
    expect(events.at(-1)).toMatchObject({ topic: "ecology", action: "reset" });
  });
});

describe("export and import of topic decisions", () => {
  it("round-trips decisions and their history into another install, idempotently", async () => {
    const file = await exportCuration(prisma);
    expect(file.version).toBe(2);
    expect(file.topicDecisions.filter((d) => d.documentId === SPEECH)).toHaveLength(2);
    expect(file.editors.map((e) => e.name)).toContain("钱编辑");
    const other = await install("topics_import");
    const b = createPrismaClient(other.url, 2);
    try {
      const first = await importCuration(b, JSON.parse(JSON.stringify(file)));
      expect(first.topics).toMatchObject({ created: 2, events: 3, orphaned: 0 });
      expect(await visibleTopics(b, SPEECH)).toEqual(await visibleTopics(prisma, SPEECH));
      expect((await listDocumentTopicEvents(b, SPEECH)).map((e) => e.id)).toEqual(
        (await listDocumentTopicEvents(prisma, SPEECH)).map((e) => e.id),
      );
      const second = await importCuration(b, JSON.parse(JSON.stringify(file)));
      expect(second.topics).toMatchObject({ created: 0, updated: 0, unchanged: 2, events: 0 });
      // A file of the links-only format (version 1) still imports.
      const v1 = { ...file, version: 1, topicDecisions: undefined, topicEvents: undefined };
      await expect(importCuration(b, JSON.parse(JSON.stringify(v1)))).resolves.toBeDefined();
    } finally {
      await b.$disconnect();
      await other.dispose();
    }
  });
});
