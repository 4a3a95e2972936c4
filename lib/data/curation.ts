/**
 * Editorial writes on links: confirm, reject, reopen, note, add, re-attach, retire. Each is one
 * transaction that changes the link and appends its audit event (who, when, action, before →
 * after, note), so a change never exists without its record. Takes a Prisma client: routes pass
 * the server's, scripts and tests their own.
 */
import crypto from "node:crypto";
import type { PrismaClient } from "../infra/prisma-client";
import type { LinkStatus, Prisma } from "../generated/prisma/client";
import { fingerprint, sameTitle } from "../linking/anchor";
import { bumpGenerations } from "./cache-generations";

export interface Editor {
  id: string;
  name: string;
}

export type CurationAction = "add" | "confirm" | "reject" | "reopen" | "note" | "reattach" | "retire";

/** A failure the caller should show as a 4xx: the request was understood but cannot be done. */
export class CurationError extends Error {
  constructor(
    readonly code: "not_found" | "conflict" | "invalid",
    message: string,
  ) {
    super(message);
    this.name = "CurationError";
  }
}

const stateSelect = {
  id: true,
  status: true,
  note: true,
  documentId: true,
  planPath: true,
  targetId: true,
  orphanedAt: true,
} satisfies Prisma.LinkSelect;

type LinkState = Prisma.LinkGetPayload<{ select: typeof stateSelect }>;

/** What an audit event records of a link: the fields an editor can change, and whether it was orphaned. */
function recordOf(l: LinkState) {
  return {
    status: l.status,
    note: l.note,
    documentId: l.documentId,
    planPath: l.planPath,
    targetId: l.targetId,
    orphaned: l.orphanedAt !== null,
  };
}

type Tx = Prisma.TransactionClient;

async function loadForUpdate(tx: Tx, id: string): Promise<LinkState> {
  // Row lock: two editors acting on the same link at once are serialised, each event sees the
  // state the other left.
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Link" WHERE id = ${id} FOR UPDATE`;
  if (!locked.length) throw new CurationError("not_found", `No link with id ${id}.`);
  return tx.link.findUniqueOrThrow({ where: { id }, select: stateSelect });
}

async function appendEvent(
  tx: Tx,
  e: {
    linkId: string;
    editor: Editor;
    action: CurationAction;
    before: LinkState | null;
    after: LinkState;
    note?: string | null;
  },
) {
  await tx.linkEvent.create({
    data: {
      id: crypto.randomUUID(),
      linkId: e.linkId,
      actorId: e.editor.id,
      actorName: e.editor.name,
      action: e.action,
      before: e.before ? recordOf(e.before) : undefined,
      after: recordOf(e.after),
      note: e.note ?? null,
    },
  });
}

export interface LinkPatch {
  status?: Extract<LinkStatus, "confirmed" | "rejected" | "suggested">;
  /** A new note; null clears it. */
  note?: string | null;
}

/**
 * Sets a link's status and/or note. Confirming or rejecting an orphaned link is refused: its
 * anchors must be re-attached (or the link retired) first, so nobody confirms a passage that is gone.
 */
export async function updateLink(db: PrismaClient, id: string, patch: LinkPatch, editor: Editor): Promise<void> {
  await db.$transaction(async (tx) => {
    await bumpGenerations(tx, ["links"]);
    const before = await loadForUpdate(tx, id);
    const statusChanges = patch.status !== undefined && patch.status !== before.status;
    const noteChanges = patch.note !== undefined && patch.note !== before.note;
    if (!statusChanges && !noteChanges) return;
    if (statusChanges && before.orphanedAt && patch.status !== "rejected") {
      throw new CurationError("conflict", "This link is orphaned: re-attach it to a passage or retire it first.");
    }
    const after = await tx.link.update({
      where: { id },
      data: {
        ...(statusChanges ? { status: patch.status } : {}),
        ...(noteChanges ? { note: patch.note } : {}),
        decidedBy: editor.name,
        decidedAt: new Date(),
      },
      select: stateSelect,
    });
    const action: CurationAction = !statusChanges
      ? "note"
      : patch.status === "confirmed"
        ? "confirm"
        : patch.status === "rejected"
          ? before.orphanedAt
            ? "retire"
            : "reject"
          : "reopen";
    await appendEvent(tx, { linkId: id, editor, action, before, after, note: noteChanges ? patch.note : null });
  });
}

export interface NewLink {
  documentId: string;
  planPath: string;
  targetId?: string | null;
  note?: string | null;
}

/**
 * An editor's own link from a document to a plan node or target, confirmed from the start. When
 * the machine had suggested the same link, that link becomes the editor's (same id, its evidence
 * kept) rather than a duplicate.
 */
export async function addLink(db: PrismaClient, input: NewLink, editor: Editor): Promise<string> {
  return db.$transaction(async (tx) => {
    await bumpGenerations(tx, ["links"]);
    const [document, node] = await Promise.all([
      tx.document.findUnique({ where: { id: input.documentId }, select: { id: true, sourceId: true, title: true } }),
      tx.planNode.findFirst({ where: { path: input.planPath }, select: { planId: true, path: true, title: true } }),
    ]);
    if (!document) throw new CurationError("invalid", `No document with id ${input.documentId}.`);
    if (!node) throw new CurationError("invalid", `No plan node with path ${input.planPath}.`);
    let target: { id: string; text: string } | null = null;
    if (input.targetId) {
      target = await tx.planTarget.findFirst({
        where: { id: input.targetId, planNode: { path: node.path }, kind: { in: ["goal", "target"] } },
        select: { id: true, text: true },
      });
      if (!target) throw new CurationError("invalid", `No goal or target ${input.targetId} in plan node ${node.path}.`);
    }
    const targetKey = target ? fingerprint(target.text) : "";
    const existing = await tx.link.findUnique({
      where: {
        documentId_planId_planPath_targetKey: {
          documentId: document.id,
          planId: node.planId,
          planPath: node.path,
          targetKey,
        },
      },
      select: { id: true, status: true },
    });
    if (existing) {
      if (existing.status !== "suggested") {
        throw new CurationError("conflict", `This link exists already (${existing.id}, ${existing.status}).`);
      }
      const before = await loadForUpdate(tx, existing.id);
      const after = await tx.link.update({
        where: { id: existing.id },
        data: {
          origin: "editor",
          status: "confirmed",
          note: input.note ?? before.note,
          decidedBy: editor.name,
          decidedAt: new Date(),
        },
        select: stateSelect,
      });
      await appendEvent(tx, { linkId: existing.id, editor, action: "add", before, after, note: input.note });
      return existing.id;
    }
    const id = crypto.randomUUID();
    const after = await tx.link.create({
      data: {
        id,
        documentId: document.id,
        documentSourceId: document.sourceId,
        documentTitle: document.title,
        planId: node.planId,
        planPath: node.path,
        planNodeTitle: node.title,
        targetKey,
        targetId: target?.id ?? null,
        targetText: target?.text ?? null,
        origin: "editor",
        status: "confirmed",
        score: 0,
        band: "strong",
        method: "editor",
        methodVersion: "1",
        note: input.note ?? null,
        decidedBy: editor.name,
        decidedAt: new Date(),
      },
      select: stateSelect,
    });
    await appendEvent(tx, { linkId: id, editor, action: "add", before: null, after, note: input.note });
    return id;
  });
}

export interface Reattachment {
  /** Which evidence pair (its rank, from 0) gets a new document passage and/or plan passage. */
  rank: number;
  paragraphId?: string;
  planParagraphId?: string;
}

/**
 * Re-attaches an orphaned link's lost passages to passages an editor chose (in the same document
 * and plan node, or its nodes below), then clears the orphan mark if every anchor now resolves.
 */
export async function reattachLink(
  db: PrismaClient,
  id: string,
  changes: Reattachment[],
  editor: Editor,
  note?: string | null,
): Promise<void> {
  await db.$transaction(async (tx) => {
    await bumpGenerations(tx, ["links"]);
    const before = await loadForUpdate(tx, id);
    const link = await tx.link.findUniqueOrThrow({
      where: { id },
      select: {
        documentSourceId: true,
        documentTitle: true,
        planId: true,
        planNodeTitle: true,
        evidence: { select: { id: true, rank: true, paragraphId: true, planParagraphId: true } },
      },
    });
    const documents = await tx.document.findMany({
      where: { sourceId: link.documentSourceId },
      select: { id: true, title: true },
    });
    const doc =
      documents.find((d) => d.id === before.documentId && sameTitle(d.title, link.documentTitle)) ??
      documents.find((d) => sameTitle(d.title, link.documentTitle)) ??
      null;
    if (!doc) throw new CurationError("conflict", "The document is gone: retire this link instead.");
    const node = await tx.planNode.findFirst({
      where: { planId: link.planId, OR: [{ path: before.planPath }, { title: link.planNodeTitle }] },
      select: { path: true, title: true },
      orderBy: { ordinal: "asc" },
    });
    if (!node || !sameTitle(node.title, link.planNodeTitle)) {
      throw new CurationError("conflict", "The plan node is gone: retire this link instead.");
    }
    for (const c of changes) {
      const e = link.evidence.find((x) => x.rank === c.rank);
      if (!e) throw new CurationError("invalid", `No evidence pair with rank ${c.rank}.`);
      const data: Prisma.LinkEvidenceUpdateInput = {};
      if (c.paragraphId) {
        const p = await tx.paragraph.findFirst({
          where: { id: c.paragraphId, documentId: doc.id },
          select: { text: true },
        });
        if (!p) throw new CurationError("invalid", `Paragraph ${c.paragraphId} is not in document ${doc.id}.`);
        Object.assign(data, {
          paragraphId: c.paragraphId,
          paragraphFingerprint: fingerprint(p.text),
          paragraphQuote: p.text,
        });
      }
      if (c.planParagraphId) {
        const q = await tx.paragraph.findFirst({
          where: {
            id: c.planParagraphId,
            planNode: { planId: link.planId, OR: [{ path: node.path }, { path: { startsWith: `${node.path}.` } }] },
          },
          select: { text: true },
        });
        if (!q) throw new CurationError("invalid", `Paragraph ${c.planParagraphId} is not in plan node ${node.path}.`);
        Object.assign(data, {
          planParagraphId: c.planParagraphId,
          planParagraphFingerprint: fingerprint(q.text),
          planParagraphQuote: q.text,
        });
      }
      await tx.linkEvidence.update({ where: { id: e.id }, data });
    }
    await tx.link.update({
      where: { id },
      data: { documentId: doc.id, planPath: node.path, decidedBy: editor.name, decidedAt: new Date() },
    });
    // Whatever the editor did not re-attach must still resolve exactly, as re-anchoring requires.
    const evidence = await tx.linkEvidence.findMany({
      where: { linkId: id },
      select: { paragraphId: true, paragraphFingerprint: true, planParagraphId: true, planParagraphFingerprint: true },
    });
    const ids = evidence.flatMap((e) => [e.paragraphId, e.planParagraphId]).filter((x): x is string => x !== null);
    const paragraphs = new Map(
      (await tx.paragraph.findMany({ where: { id: { in: ids } }, select: { id: true, text: true } })).map((p) => [
        p.id,
        fingerprint(p.text),
      ]),
    );
    const resolves = evidence.every(
      (e) =>
        e.paragraphId !== null &&
        paragraphs.get(e.paragraphId) === e.paragraphFingerprint &&
        e.planParagraphId !== null &&
        paragraphs.get(e.planParagraphId) === e.planParagraphFingerprint,
    );
    const after = await tx.link.update({
      where: { id },
      data: resolves ? { orphanedAt: null, orphanReason: null } : {},
      select: stateSelect,
    });
    await appendEvent(tx, { linkId: id, editor, action: "reattach", before, after, note });
  });
}

export interface LinkEventView {
  id: string;
  action: CurationAction;
  actorName: string;
  at: string;
  note: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** A link's public history, oldest first. */
export async function listLinkEvents(db: PrismaClient, linkId: string): Promise<LinkEventView[]> {
  const rows = await db.linkEvent.findMany({
    where: { linkId },
    select: { id: true, action: true, actorName: true, at: true, note: true, before: true, after: true },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    action: r.action as CurationAction,
    actorName: r.actorName,
    at: r.at.toISOString(),
    note: r.note,
    before: (r.before as Record<string, unknown> | null) ?? null,
    after: (r.after as Record<string, unknown> | null) ?? null,
  }));
}
