/**
 * Editorial data as a portable JSON file: every link an editor decided or added, with its anchors
 * and evidence, and every audit event. `importCuration` is validated, idempotent and all-or-nothing;
 * the links are then re-anchored to the corpus of the receiving install (ADR 0005).
 */
import { z } from "zod";
import type { PrismaClient } from "../infra/prisma-client";
import type { Prisma } from "../generated/prisma/client";
import { linkKey, reanchorLinks, type ReanchorCounts } from "./link-store";
import { reanchorTopicDecisions } from "./topics-run";
import { bumpGenerations } from "./cache-generations";

export const CURATION_FORMAT = "policy-explorer-curation";

const isoDate = z.iso.datetime({ offset: true });
const id = z.string().min(1).max(200);
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes("\u0000"), "must not contain NUL");

const evidenceSchema = z.strictObject({
  rank: z.number().int().min(0).max(100),
  paragraphId: id.nullable(),
  paragraphFingerprint: z.string().regex(/^[0-9a-f]{16}$/),
  paragraphQuote: text(20_000),
  planParagraphId: id.nullable(),
  planParagraphFingerprint: z.string().regex(/^[0-9a-f]{16}$/),
  planParagraphQuote: text(20_000),
  terms: z.array(text(100)).max(100),
  score: z.number().finite(),
});

const linkSchema = z.strictObject({
  id,
  documentId: id,
  documentSourceId: id,
  documentTitle: text(1000),
  planId: id,
  planPath: z.string().regex(/^\d+(\.\d+)*$/),
  planNodeTitle: text(1000),
  targetKey: z.string().regex(/^([0-9a-f]{16})?$/),
  targetId: id.nullable(),
  targetText: text(5000).nullable(),
  origin: z.enum(["machine", "editor"]),
  status: z.enum(["suggested", "confirmed", "rejected"]),
  orphanedAt: isoDate.nullable(),
  orphanReason: text(1000).nullable(),
  score: z.number().finite(),
  band: z.enum(["strong", "medium", "weak"]),
  method: text(100),
  methodVersion: text(100),
  note: text(10_000).nullable(),
  decidedBy: text(200).nullable(),
  decidedAt: isoDate.nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
  evidence: z.array(evidenceSchema).max(20),
});

const eventSchema = z.strictObject({
  id,
  linkId: id,
  actorId: id,
  actorName: text(200),
  action: z.enum(["add", "confirm", "reject", "reopen", "note", "reattach", "retire"]),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  note: text(10_000).nullable(),
  at: isoDate,
});

/** An editor's decision on one topic of a document (ADR 0009), anchored like a link's document. */
const topicDecisionSchema = z.strictObject({
  id,
  documentId: id,
  documentSourceId: id,
  documentTitle: text(1000),
  topicSlug: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/),
  status: z.enum(["added", "removed", "automatic"]),
  note: text(10_000).nullable(),
  decidedBy: text(200),
  decidedAt: isoDate,
  orphanedAt: isoDate.nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
});

const topicEventSchema = z.strictObject({
  id,
  decisionId: id,
  actorId: id,
  actorName: text(200),
  action: z.enum(["add", "remove", "reset"]),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  note: text(10_000).nullable(),
  at: isoDate,
});

export const curationFileSchema = z
  .strictObject({
    format: z.literal(CURATION_FORMAT),
    /** 1: links only; 2: links and topic decisions. */
    version: z.union([z.literal(1), z.literal(2)]),
    exportedAt: isoDate,
    /** Who acted, without secrets: accounts are created per install with `npm run editor:add`. */
    editors: z.array(z.strictObject({ id, name: text(200) })).max(10_000),
    links: z.array(linkSchema).max(1_000_000),
    events: z.array(eventSchema).max(10_000_000),
    topicDecisions: z.array(topicDecisionSchema).max(1_000_000).default([]),
    topicEvents: z.array(topicEventSchema).max(10_000_000).default([]),
  })
  .superRefine((file, ctx) => {
    const ids = new Set(file.links.map((l) => l.id));
    if (ids.size !== file.links.length) ctx.addIssue({ code: "custom", message: "link ids repeat", path: ["links"] });
    const keys = new Set(file.links.map((l) => `${l.planId}\u0000${linkKey(l)}`));
    if (keys.size !== file.links.length) {
      ctx.addIssue({ code: "custom", message: "two links share document, plan node and target", path: ["links"] });
    }
    const decisionIds = new Set(file.topicDecisions.map((d) => d.id));
    if (decisionIds.size !== file.topicDecisions.length) {
      ctx.addIssue({ code: "custom", message: "topic decision ids repeat", path: ["topicDecisions"] });
    }
    const decisionKeys = new Set(file.topicDecisions.map((d) => `${d.documentId}\u0000${d.topicSlug}`));
    if (decisionKeys.size !== file.topicDecisions.length) {
      ctx.addIssue({
        code: "custom",
        message: "two topic decisions share document and topic",
        path: ["topicDecisions"],
      });
    }
    file.topicEvents.forEach((e, i) => {
      if (!decisionIds.has(e.decisionId)) {
        ctx.addIssue({
          code: "custom",
          message: `topic event for unknown decision ${e.decisionId}`,
          path: ["topicEvents", i, "decisionId"],
        });
      }
    });
    file.events.forEach((e, i) => {
      if (!ids.has(e.linkId)) {
        ctx.addIssue({ code: "custom", message: `event for unknown link ${e.linkId}`, path: ["events", i, "linkId"] });
      }
    });
  });

export type CurationFile = z.infer<typeof curationFileSchema>;

/** A link is editorial once an editor acted on it; untouched machine suggestions are re-derived instead. */
const editorialWhere: Prisma.LinkWhereInput = {
  OR: [{ origin: "editor" }, { status: { not: "suggested" } }, { decidedAt: { not: null } }, { events: { some: {} } }],
};

export async function exportCuration(db: PrismaClient): Promise<CurationFile> {
  const [links, events] = await Promise.all([
    db.link.findMany({
      where: editorialWhere,
      include: { evidence: { orderBy: { rank: "asc" } } },
      orderBy: { id: "asc" },
    }),
    db.linkEvent.findMany({ orderBy: [{ at: "asc" }, { id: "asc" }] }),
  ]);
  const [topicDecisions, topicEvents] = await Promise.all([
    db.topicDecision.findMany({ orderBy: { id: "asc" } }),
    db.topicEvent.findMany({ orderBy: [{ at: "asc" }, { id: "asc" }] }),
  ]);
  const editors = new Map([...events, ...topicEvents].map((e) => [e.actorId, e.actorName]));
  return {
    format: CURATION_FORMAT,
    version: 2,
    exportedAt: new Date().toISOString(),
    editors: [...editors].map(([id, name]) => ({ id, name })),
    links: links.map((l) => ({
      id: l.id,
      documentId: l.documentId,
      documentSourceId: l.documentSourceId,
      documentTitle: l.documentTitle,
      planId: l.planId,
      planPath: l.planPath,
      planNodeTitle: l.planNodeTitle,
      targetKey: l.targetKey,
      targetId: l.targetId,
      targetText: l.targetText,
      origin: l.origin,
      status: l.status,
      orphanedAt: l.orphanedAt?.toISOString() ?? null,
      orphanReason: l.orphanReason,
      score: l.score,
      band: l.band,
      method: l.method,
      methodVersion: l.methodVersion,
      note: l.note,
      decidedBy: l.decidedBy,
      decidedAt: l.decidedAt?.toISOString() ?? null,
      createdAt: l.createdAt.toISOString(),
      updatedAt: l.updatedAt.toISOString(),
      evidence: l.evidence.map((e) => ({
        rank: e.rank,
        paragraphId: e.paragraphId,
        paragraphFingerprint: e.paragraphFingerprint,
        paragraphQuote: e.paragraphQuote,
        planParagraphId: e.planParagraphId,
        planParagraphFingerprint: e.planParagraphFingerprint,
        planParagraphQuote: e.planParagraphQuote,
        terms: e.terms,
        score: e.score,
      })),
    })),
    events: events.map((e) => ({
      id: e.id,
      linkId: e.linkId,
      actorId: e.actorId,
      actorName: e.actorName,
      action: e.action as CurationFile["events"][number]["action"],
      before: (e.before as Record<string, unknown> | null) ?? null,
      after: (e.after as Record<string, unknown> | null) ?? null,
      note: e.note,
      at: e.at.toISOString(),
    })),
    topicDecisions: topicDecisions.map((d) => ({
      id: d.id,
      documentId: d.documentId,
      documentSourceId: d.documentSourceId,
      documentTitle: d.documentTitle,
      topicSlug: d.topicSlug,
      status: d.status,
      note: d.note,
      decidedBy: d.decidedBy,
      decidedAt: d.decidedAt.toISOString(),
      orphanedAt: d.orphanedAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
    })),
    topicEvents: topicEvents.map((e) => ({
      id: e.id,
      decisionId: e.decisionId,
      actorId: e.actorId,
      actorName: e.actorName,
      action: e.action as CurationFile["topicEvents"][number]["action"],
      before: (e.before as Record<string, unknown> | null) ?? null,
      after: (e.after as Record<string, unknown> | null) ?? null,
      note: e.note,
      at: e.at.toISOString(),
    })),
  };
}

export class CurationImportError extends Error {}

export interface ImportReport {
  links: { created: number; updated: number; unchanged: number; replacedSuggestions: number };
  events: { created: number; unchanged: number };
  /** Of the imported links: anchored where they were, moved to their passages elsewhere, or orphaned. */
  anchoring: { resolved: number; moved: number; orphaned: { id: string; reason: string | null }[] };
  /** Editors' topic decisions (ADR 0009) and their events. */
  topics: { created: number; updated: number; unchanged: number; events: number; orphaned: number };
  reanchor: ReanchorCounts;
}

const linkData = (l: CurationFile["links"][number]) => ({
  documentId: l.documentId,
  documentSourceId: l.documentSourceId,
  documentTitle: l.documentTitle,
  planId: l.planId,
  planPath: l.planPath,
  planNodeTitle: l.planNodeTitle,
  targetKey: l.targetKey,
  targetId: l.targetId,
  targetText: l.targetText,
  origin: l.origin,
  status: l.status,
  orphanedAt: l.orphanedAt ? new Date(l.orphanedAt) : null,
  orphanReason: l.orphanReason,
  score: l.score,
  band: l.band,
  method: l.method,
  methodVersion: l.methodVersion,
  note: l.note,
  decidedBy: l.decidedBy,
  decidedAt: l.decidedAt ? new Date(l.decidedAt) : null,
  createdAt: new Date(l.createdAt),
  updatedAt: new Date(l.updatedAt),
});

/** What decides whether an existing link already holds the imported state. */
const editorialState = (l: {
  status: string;
  note: string | null;
  origin: string;
  decidedBy: string | null;
  decidedAt: Date | string | null;
}) =>
  JSON.stringify([l.status, l.note, l.origin, l.decidedBy, l.decidedAt ? new Date(l.decidedAt).toISOString() : null]);

/**
 * Loads a curation file: links by id (an existing link takes the file's editorial state when the
 * file's is newer), audit events by id (never changed once present), in one transaction; then
 * re-anchors. A machine suggestion in the way of an imported link is replaced; another editorial
 * link in its way aborts the whole import.
 */
export async function importCuration(db: PrismaClient, input: unknown): Promise<ImportReport> {
  const parsed = curationFileSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join(".") || "file"}: ${i.message}`)
      .join("; ");
    throw new CurationImportError(`Not a valid curation file: ${first}`);
  }
  const file = parsed.data;
  const report: ImportReport = {
    links: { created: 0, updated: 0, unchanged: 0, replacedSuggestions: 0 },
    events: { created: 0, unchanged: 0 },
    anchoring: { resolved: 0, moved: 0, orphaned: [] },
    topics: { created: 0, updated: 0, unchanged: 0, events: 0, orphaned: 0 },
    reanchor: { unchanged: 0, moved: 0, orphaned: 0, restored: 0 },
  };

  await db.$transaction(
    async (tx) => {
      await bumpGenerations(tx, ["links", "topics"]);
      const existing = await tx.link.findMany({
        select: {
          id: true,
          planId: true,
          documentId: true,
          planPath: true,
          targetKey: true,
          origin: true,
          status: true,
          note: true,
          decidedBy: true,
          decidedAt: true,
          updatedAt: true,
          _count: { select: { events: true } },
        },
      });
      const byId = new Map(existing.map((l) => [l.id, l]));
      const byKey = new Map(existing.map((l) => [`${l.planId}\u0000${linkKey(l)}`, l]));
      for (const l of file.links) {
        const current = byId.get(l.id);
        if (current) {
          if (editorialState(current) === editorialState(l)) {
            report.links.unchanged++;
          } else if (current.updatedAt.getTime() > new Date(l.updatedAt).getTime()) {
            // This install's decision is newer than the file's: keep it (its events still merge).
            report.links.unchanged++;
          } else {
            await tx.link.update({
              where: { id: l.id },
              data: {
                status: l.status,
                note: l.note,
                origin: l.origin,
                decidedBy: l.decidedBy,
                decidedAt: l.decidedAt ? new Date(l.decidedAt) : null,
              },
            });
            report.links.updated++;
          }
          continue;
        }
        const inTheWay = byKey.get(`${l.planId}\u0000${linkKey(l)}`);
        if (inTheWay) {
          const machineOwned =
            inTheWay.origin === "machine" &&
            inTheWay.status === "suggested" &&
            !inTheWay.decidedAt &&
            inTheWay._count.events === 0;
          if (!machineOwned) {
            throw new CurationImportError(
              `Link ${l.id} (${l.documentId} → ${l.planPath}) conflicts with this install's editorial link ${inTheWay.id}; nothing was imported.`,
            );
          }
          await tx.link.delete({ where: { id: inTheWay.id } });
          report.links.replacedSuggestions++;
        }
        await tx.link.create({
          data: {
            id: l.id,
            ...linkData(l),
            evidence: {
              create: l.evidence.map((e) => ({ id: `${l.id}-e${e.rank}`, ...e })),
            },
          },
        });
        report.links.created++;
      }
      const known = new Set(
        (
          await tx.linkEvent.findMany({ where: { id: { in: file.events.map((e) => e.id) } }, select: { id: true } })
        ).map((e) => e.id),
      );
      const fresh = file.events.filter((e) => !known.has(e.id));
      report.events.unchanged = file.events.length - fresh.length;
      if (fresh.length) {
        await tx.linkEvent.createMany({
          data: fresh.map((e) => ({
            ...e,
            before: e.before ?? undefined,
            after: e.after ?? undefined,
            at: new Date(e.at),
          })) as Prisma.LinkEventCreateManyInput[],
        });
      }
      report.events.created = fresh.length;
      await importTopicDecisions(tx, file, report);
    },
    { timeout: 600_000, maxWait: 30_000 },
  );

  report.reanchor = await reanchorLinks(db);
  report.topics.orphaned = (await reanchorTopicDecisions(db)).orphaned;
  const after = await db.link.findMany({
    where: { id: { in: file.links.map((l) => l.id) } },
    select: {
      id: true,
      documentId: true,
      planPath: true,
      orphanedAt: true,
      orphanReason: true,
      evidence: { select: { paragraphId: true, planParagraphId: true }, orderBy: { rank: "asc" } },
    },
  });
  const original = new Map(file.links.map((l) => [l.id, l]));
  for (const l of after) {
    const o = original.get(l.id)!;
    if (l.orphanedAt) report.anchoring.orphaned.push({ id: l.id, reason: l.orphanReason });
    else if (
      l.documentId !== o.documentId ||
      l.planPath !== o.planPath ||
      l.evidence.some(
        (e, i) => e.paragraphId !== o.evidence[i]?.paragraphId || e.planParagraphId !== o.evidence[i]?.planParagraphId,
      )
    )
      report.anchoring.moved++;
    else report.anchoring.resolved++;
  }
  return report;
}

/**
 * Editors' topic decisions by id (an existing one takes the file's state when the file's is newer)
 * and their events by id; a decision of this install on the same document and topic under another
 * id aborts the import, as a conflicting link does.
 */
async function importTopicDecisions(tx: Prisma.TransactionClient, file: CurationFile, report: ImportReport) {
  if (!file.topicDecisions.length && !file.topicEvents.length) return;
  const existing = await tx.topicDecision.findMany({
    select: { id: true, documentId: true, topicSlug: true, status: true, note: true, updatedAt: true },
  });
  const byId = new Map(existing.map((d) => [d.id, d]));
  const byKey = new Map(existing.map((d) => [`${d.documentId}\u0000${d.topicSlug}`, d]));
  for (const d of file.topicDecisions) {
    const data = {
      documentId: d.documentId,
      documentSourceId: d.documentSourceId,
      documentTitle: d.documentTitle,
      topicSlug: d.topicSlug,
      status: d.status,
      note: d.note,
      decidedBy: d.decidedBy,
      decidedAt: new Date(d.decidedAt),
      orphanedAt: d.orphanedAt ? new Date(d.orphanedAt) : null,
      createdAt: new Date(d.createdAt),
      updatedAt: new Date(d.updatedAt),
    };
    const current = byId.get(d.id);
    if (current) {
      if ((current.status === d.status && current.note === d.note) || current.updatedAt >= new Date(d.updatedAt)) {
        report.topics.unchanged++;
      } else {
        await tx.topicDecision.update({ where: { id: d.id }, data });
        report.topics.updated++;
      }
      continue;
    }
    const inTheWay = byKey.get(`${d.documentId}\u0000${d.topicSlug}`);
    if (inTheWay) {
      throw new CurationImportError(
        `Topic decision ${d.id} (${d.documentId} · ${d.topicSlug}) conflicts with this install's decision ${inTheWay.id}; nothing was imported.`,
      );
    }
    await tx.topicDecision.create({ data: { id: d.id, ...data } });
    report.topics.created++;
  }
  const known = new Set(
    (
      await tx.topicEvent.findMany({ where: { id: { in: file.topicEvents.map((e) => e.id) } }, select: { id: true } })
    ).map((e) => e.id),
  );
  const fresh = file.topicEvents.filter((e) => !known.has(e.id));
  if (fresh.length) {
    await tx.topicEvent.createMany({
      data: fresh.map((e) => ({
        ...e,
        before: e.before ?? undefined,
        after: e.after ?? undefined,
        at: new Date(e.at),
      })) as Prisma.TopicEventCreateManyInput[],
    });
  }
  report.topics.events = fresh.length;
}
