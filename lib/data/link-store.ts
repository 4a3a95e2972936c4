/**
 * The database edge of the linker (ADR 0005): reads the corpus as linker input, stores a linker
 * run's suggestions without touching links an editor decided, and re-anchors every link after an
 * ingest. Takes a Prisma client, so scripts (ingest, `npm run link`) and tests use it as the
 * server does.
 */
import crypto from "node:crypto";
import type { PrismaClient } from "../infra/prisma-client";
import type { Prisma } from "../generated/prisma/client";
import { buildSnapshot, fingerprint, reanchor, type StoredAnchor } from "../linking/anchor";
import type { LinkDocument, LinkPlanNode, LinkerResult } from "../linking/types";
import { planNodeLabel } from "../urls";
import { bumpGenerations } from "./cache-generations";

const paragraphSelect = { id: true, n: true, text: true, headingLevel: true } satisfies Prisma.ParagraphSelect;

export interface LinkerInput {
  planId: string | null;
  documents: LinkDocument[];
  nodes: LinkPlanNode[];
}

/** Every document and plan node with its paragraphs, in reading order. */
export async function loadLinkerInput(db: PrismaClient): Promise<LinkerInput> {
  const [documents, plan] = await Promise.all([
    db.document.findMany({
      select: { id: true, kind: true, title: true, paragraphs: { select: paragraphSelect, orderBy: { n: "asc" } } },
      orderBy: [{ sourceId: "asc" }, { ordinal: "asc" }],
    }),
    db.plan.findFirst({ select: { id: true }, orderBy: { id: "asc" } }),
  ]);
  const nodes = plan
    ? await db.planNode.findMany({
        where: { planId: plan.id },
        select: {
          id: true,
          path: true,
          kind: true,
          number: true,
          title: true,
          paragraphs: { select: paragraphSelect, orderBy: { n: "asc" } },
          targets: { select: { id: true, kind: true, text: true, paragraphN: true }, orderBy: { id: "asc" } },
        },
        orderBy: { ordinal: "asc" },
      })
    : [];
  return {
    planId: plan?.id ?? null,
    documents,
    nodes: nodes.map(({ number, title, ...n }) => ({ ...n, label: planNodeLabel({ number, title }) })),
  };
}

/** What the linker ran on: every source's file hash and parser version. */
export async function corpusStamp(db: PrismaClient): Promise<string> {
  const sources = await db.source.findMany({
    select: { id: true, sha256: true, parserVersion: true },
    orderBy: { id: "asc" },
  });
  const text = sources.map((s) => `${s.id}:${s.sha256}:${s.parserVersion}`).join("\n");
  return crypto.createHash("sha256").update(text).digest("hex").slice(0, 16);
}

export async function latestLinkRun(db: PrismaClient) {
  return db.linkRun.findFirst({
    select: { method: true, version: true, corpusStamp: true, finishedAt: true },
    orderBy: { finishedAt: "desc" },
  });
}

export const linkKey = (l: { documentId: string; planPath: string; targetKey: string }) =>
  `${l.documentId}\u0000${l.planPath}\u0000${l.targetKey}`;

export interface SaveCounts {
  created: number;
  updated: number;
  removed: number;
  kept: number;
}

/**
 * Stores a run's suggestions: a suggestion found again keeps its id (its URL stays valid) and gets
 * the new score and evidence; suggestions not found again go; links an editor confirmed, rejected
 * or added are left exactly as they are, whatever the run says.
 */
export async function saveLinkerResult(
  db: PrismaClient,
  input: LinkerInput,
  result: LinkerResult,
  run: { corpusStamp: string; startedAt: Date },
): Promise<SaveCounts> {
  const planId = input.planId;
  if (!planId) return { created: 0, updated: 0, removed: 0, kept: 0 };
  const documents = new Map(input.documents.map((d) => [d.id, d]));
  const nodes = new Map(input.nodes.map((n) => [n.path, n]));
  const sources = new Map(
    (await db.document.findMany({ select: { id: true, sourceId: true } })).map((d) => [d.id, d.sourceId]),
  );
  const nodeRows = new Map(
    (await db.planNode.findMany({ where: { planId }, select: { path: true, title: true } })).map((n) => [
      n.path,
      n.title,
    ]),
  );
  const paragraphText = new Map<string, string>();
  for (const d of input.documents) for (const p of d.paragraphs) paragraphText.set(p.id, p.text);
  for (const n of input.nodes) for (const p of n.paragraphs) paragraphText.set(p.id, p.text);
  const targets = new Map(input.nodes.flatMap((n) => n.targets.map((t) => [t.id, t] as const)));

  const rows = result.links.flatMap((l) => {
    const doc = documents.get(l.documentId);
    const node = nodes.get(l.planPath);
    const target = l.targetId ? targets.get(l.targetId) : null;
    if (!doc || !node || (l.targetId && !target)) return [];
    return [
      {
        link: l,
        targetKey: target ? fingerprint(target.text) : "",
        data: {
          documentId: doc.id,
          documentSourceId: sources.get(doc.id) ?? "",
          documentTitle: doc.title,
          planId,
          planPath: node.path,
          planNodeTitle: nodeRows.get(node.path) ?? node.label,
          targetId: target?.id ?? null,
          targetText: target?.text ?? null,
          score: l.score,
          band: l.band,
          method: result.method,
          methodVersion: result.version,
        },
        evidence: l.evidence.map((e, rank) => {
          const quote = paragraphText.get(e.paragraphId) ?? "";
          const planQuote = paragraphText.get(e.planParagraphId) ?? "";
          return {
            rank,
            paragraphId: e.paragraphId,
            paragraphFingerprint: fingerprint(quote),
            paragraphQuote: quote,
            planParagraphId: e.planParagraphId,
            planParagraphFingerprint: fingerprint(planQuote),
            planParagraphQuote: planQuote,
            terms: e.terms,
            score: e.score,
          };
        }),
      },
    ];
  });

  return db.$transaction(
    async (tx) => {
      await bumpGenerations(tx, ["links"]);
      const existing = await tx.link.findMany({
        where: { planId },
        select: {
          id: true,
          documentId: true,
          planPath: true,
          targetKey: true,
          origin: true,
          status: true,
          decidedAt: true,
          _count: { select: { events: true } },
        },
      });
      // A link an editor ever acted on is theirs, even if they set it back to "suggested".
      const machineOwned = (l: (typeof existing)[number]) =>
        l.origin === "machine" && l.status === "suggested" && !l.decidedAt && l._count.events === 0;
      const byKey = new Map(existing.map((l) => [linkKey(l), l]));
      const seen = new Set<string>();
      const counts: SaveCounts = { created: 0, updated: 0, removed: 0, kept: 0 };
      for (const row of rows) {
        const key = linkKey({ ...row.data, targetKey: row.targetKey });
        if (seen.has(key)) continue;
        seen.add(key);
        const found = byKey.get(key);
        if (found && !machineOwned(found)) {
          counts.kept++;
          continue;
        }
        const evidence = { create: row.evidence.map((e) => ({ id: crypto.randomUUID(), ...e })) };
        if (found) {
          await tx.linkEvidence.deleteMany({ where: { linkId: found.id } });
          await tx.link.update({
            where: { id: found.id },
            data: { ...row.data, orphanedAt: null, orphanReason: null, evidence },
          });
          counts.updated++;
        } else {
          await tx.link.create({
            data: {
              id: crypto.randomUUID(),
              ...row.data,
              targetKey: row.targetKey,
              origin: "machine",
              status: "suggested",
              evidence,
            },
          });
          counts.created++;
        }
      }
      const stale = existing.filter((l) => machineOwned(l) && !seen.has(linkKey(l)));
      if (stale.length) {
        counts.removed = (await tx.link.deleteMany({ where: { id: { in: stale.map((l) => l.id) } } })).count;
      }
      await tx.linkRun.create({
        data: {
          id: crypto.randomUUID(),
          method: result.method,
          version: result.version,
          corpusStamp: run.corpusStamp,
          startedAt: run.startedAt,
          finishedAt: new Date(),
          documents: input.documents.length,
          ...counts,
        },
      });
      return counts;
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
}

export interface ReanchorCounts {
  unchanged: number;
  moved: number;
  orphaned: number;
  restored: number;
}

/**
 * Finds every link's document, node, target and passages again after an ingest (ADR 0005): a
 * link follows its anchors to an exact match or is marked orphaned — never deleted, never moved
 * to a merely similar passage.
 */
export async function reanchorLinks(db: PrismaClient): Promise<ReanchorCounts> {
  const [documents, nodes, links] = await Promise.all([
    db.document.findMany({
      select: { id: true, sourceId: true, title: true, paragraphs: { select: { id: true, text: true } } },
    }),
    db.planNode.findMany({
      select: {
        planId: true,
        path: true,
        title: true,
        paragraphs: { select: { id: true, text: true } },
        targets: { select: { id: true, text: true } },
      },
    }),
    db.link.findMany({
      select: {
        id: true,
        documentId: true,
        documentSourceId: true,
        documentTitle: true,
        planId: true,
        planPath: true,
        planNodeTitle: true,
        targetKey: true,
        targetId: true,
        orphanedAt: true,
        evidence: {
          select: {
            id: true,
            paragraphId: true,
            paragraphFingerprint: true,
            planParagraphId: true,
            planParagraphFingerprint: true,
          },
          orderBy: { rank: "asc" },
        },
      },
    }),
  ]);
  const counts: ReanchorCounts = { unchanged: 0, moved: 0, orphaned: 0, restored: 0 };
  if (!links.length) return counts;
  const fp = (p: { id: string; text: string }) => ({ id: p.id, fingerprint: fingerprint(p.text) });
  const snapshot = buildSnapshot(
    documents.map((d) => ({ ...d, paragraphs: d.paragraphs.map(fp) })),
    nodes.map((n) => ({
      ...n,
      paragraphs: n.paragraphs.map(fp),
      targets: n.targets.map((t) => ({ id: t.id, key: fingerprint(t.text) })),
    })),
  );
  const taken = new Set(links.map((l) => linkKey(l)));

  await db.$transaction(
    async (tx) => {
      await bumpGenerations(tx, ["links"]);
      for (const link of links) {
        const outcome = reanchor(link satisfies StoredAnchor, snapshot);
        if (outcome.kind === "orphaned") {
          counts.orphaned++;
          const reason = `${outcome.reason}: ${outcome.detail}`;
          if (!link.orphanedAt) {
            await tx.link.update({ where: { id: link.id }, data: { orphanedAt: new Date(), orphanReason: reason } });
          }
          continue;
        }
        const { anchor } = outcome;
        const newKey = linkKey({ ...anchor, targetKey: link.targetKey });
        if (outcome.changed && newKey !== linkKey(link) && taken.has(newKey)) {
          // Another link already claims the place this one would move to: an editor decides.
          counts.orphaned++;
          if (!link.orphanedAt) {
            await tx.link.update({
              where: { id: link.id },
              data: { orphanedAt: new Date(), orphanReason: "duplicate: another link holds the new anchor" },
            });
          }
          continue;
        }
        if (!outcome.changed && !link.orphanedAt) {
          counts.unchanged++;
          continue;
        }
        if (link.orphanedAt) counts.restored++;
        else counts.moved++;
        taken.delete(linkKey(link));
        taken.add(newKey);
        await tx.link.update({
          where: { id: link.id },
          data: {
            documentId: anchor.documentId,
            planPath: anchor.planPath,
            targetId: anchor.targetId,
            orphanedAt: null,
            orphanReason: null,
          },
        });
        for (const e of anchor.evidence) {
          await tx.linkEvidence.update({
            where: { id: e.id },
            data: { paragraphId: e.paragraphId, planParagraphId: e.planParagraphId },
          });
        }
      }
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
  return counts;
}
