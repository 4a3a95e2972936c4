/** The editor's queue: an orphaned link is listed with its old quote and the passages most like it. */
import crypto from "node:crypto";
import { afterAll, expect, it } from "vitest";
import { getEditorQueue } from "@/lib/data/editor-queue";
import { getDb } from "@/lib/db";

const id = `queue-test-${crypto.randomBytes(3).toString("hex")}`;

afterAll(async () => {
  await getDb().link.deleteMany({ where: { id } });
});

it("lists an orphaned link with its old quote and candidate passages of the same document", async () => {
  const db = getDb();
  const source = await db.link.findFirstOrThrow({
    where: { evidence: { some: {} }, orphanedAt: null },
    include: { evidence: { orderBy: { rank: "asc" } } },
  });
  const paragraph = await db.paragraph.findUniqueOrThrow({ where: { id: source.evidence[0]!.paragraphId! } });
  // The passage as it read before an (imagined) edit: a few characters differ from today's text.
  const oldQuote = `据悉，${paragraph.text.slice(3)}`;
  const { evidence, ...anchors } = source;
  const e = evidence[0]!;
  const pair = {
    rank: e.rank,
    paragraphId: e.paragraphId,
    paragraphFingerprint: e.paragraphFingerprint,
    planParagraphId: e.planParagraphId,
    planParagraphFingerprint: e.planParagraphFingerprint,
    planParagraphQuote: e.planParagraphQuote,
    terms: e.terms,
    score: e.score,
  };
  await db.link.create({
    data: {
      ...anchors,
      id,
      planPath: "0",
      targetKey: "",
      targetId: null,
      status: "confirmed",
      orphanedAt: new Date(),
      orphanReason: "passage: test",
      evidence: { create: [{ ...pair, id: `${id}-e0`, paragraphQuote: oldQuote }] },
    },
  });
  const queue = await getEditorQueue("nobody", null);
  const item = queue.orphaned.find((o) => o.id === id)!;
  expect(item.reason).toBe("passage: test");
  expect(item.evidence[0]!.quote).toBe(oldQuote);
  expect(item.evidence[0]!.candidates[0]).toMatchObject({ paragraphId: paragraph.id, n: paragraph.n });
  expect(item.documentUrl).toMatch(/^\/(speeches|proposals|reports)\//);
});
