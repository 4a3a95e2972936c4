/**
 * Editors' decisions on a document's topics: add a topic, remove one, or set it back to the
 * automatic assignment. Each is one transaction that writes the decision and appends its audit
 * event (who, when, action, before → after, note), as link curation does (ADR 0006). Decisions are
 * anchored by the document's source and title (ADR 0005) and never changed by a topic run.
 */
import crypto from "node:crypto";
import type { PrismaClient } from "../infra/prisma-client";
import type { Prisma } from "../generated/prisma/client";
import { loadTaxonomy } from "../topics/taxonomy";
import { bumpGenerations } from "./cache-generations";
import { CurationError, type Editor } from "./curation";

export type TopicAction = "add" | "remove" | "reset";

const STATUS = { add: "added", remove: "removed", reset: "automatic" } as const;

type Tx = Prisma.TransactionClient;

const recordOf = (d: { status: string; note: string | null; documentId: string; topicSlug: string }) => ({
  status: d.status,
  note: d.note,
  documentId: d.documentId,
  topic: d.topicSlug,
});

/** Adds or removes a topic on a document, or gives it back to the machine; a no-op writes nothing. */
export async function decideDocumentTopic(
  db: PrismaClient,
  input: { documentId: string; topic: string; action: TopicAction; note?: string | null },
  editor: Editor,
): Promise<void> {
  if (!loadTaxonomy().some((t) => t.slug === input.topic)) {
    throw new CurationError("invalid", `No topic ${input.topic}.`);
  }
  await db.$transaction(async (tx: Tx) => {
    const document = await tx.document.findUnique({
      where: { id: input.documentId },
      select: { id: true, sourceId: true, title: true },
    });
    if (!document) throw new CurationError("not_found", `No document with id ${input.documentId}.`);
    // Row lock on an existing decision: two editors on the same topic of the same document are serialised.
    await tx.$queryRaw`SELECT id FROM "TopicDecision" WHERE "documentId" = ${document.id} AND "topicSlug" = ${input.topic} FOR UPDATE`;
    const before = await tx.topicDecision.findUnique({
      where: { documentId_topicSlug: { documentId: document.id, topicSlug: input.topic } },
    });
    const status = STATUS[input.action];
    const note = input.note ?? null;
    if (!before && input.action === "reset") return;
    if (before && before.status === status && (input.note === undefined || note === before.note)) return;
    const data = {
      status,
      note: input.note === undefined ? (before?.note ?? null) : note,
      decidedBy: editor.name,
      decidedAt: new Date(),
      documentSourceId: document.sourceId,
      documentTitle: document.title,
      orphanedAt: null,
    };
    const after = before
      ? await tx.topicDecision.update({ where: { id: before.id }, data })
      : await tx.topicDecision.create({
          data: { id: crypto.randomUUID(), documentId: document.id, topicSlug: input.topic, ...data },
        });
    await bumpGenerations(tx, ["topics"]);
    await tx.topicEvent.create({
      data: {
        id: crypto.randomUUID(),
        decisionId: after.id,
        actorId: editor.id,
        actorName: editor.name,
        action: input.action,
        before: before ? recordOf(before) : undefined,
        after: recordOf(after),
        note,
      },
    });
  });
}

export interface TopicEventView {
  id: string;
  topic: string;
  action: TopicAction;
  actorName: string;
  at: string;
  note: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The public history of a document's topics, oldest first. */
export async function listDocumentTopicEvents(db: PrismaClient, documentId: string): Promise<TopicEventView[]> {
  const rows = await db.topicEvent.findMany({
    where: { decision: { documentId } },
    select: {
      id: true,
      action: true,
      actorName: true,
      at: true,
      note: true,
      before: true,
      after: true,
      decision: { select: { topicSlug: true } },
    },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    topic: r.decision.topicSlug,
    action: r.action as TopicAction,
    actorName: r.actorName,
    at: r.at.toISOString(),
    note: r.note,
    before: (r.before as Record<string, unknown> | null) ?? null,
    after: (r.after as Record<string, unknown> | null) ?? null,
  }));
}
