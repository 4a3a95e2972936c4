/**
 * The topic run (ADR 0009): after ingest and linking, assign topics to every passage, document and
 * plan node, and store them (TopicAssignment) — only when the corpus, the links, the taxonomy or the
 * method changed since the last run (TopicRun), or when forced. Editors' decisions (TopicDecision)
 * are never touched by a run; after a corpus change they are re-anchored to their document by its
 * source and title, or marked orphaned, never deleted.
 */
import crypto from "node:crypto";
import type { PrismaClient } from "../infra/prisma-client";
import { retitled, sameTitle } from "../linking/anchor";
import { assignTopics, TOPIC_METHOD, TOPIC_VERSION } from "../topics/assign";
import { loadTaxonomy, taxonomyText } from "../topics/taxonomy";
import type { TopicAssignmentResult, TopicPlanLink } from "../topics/types";
import { bumpGenerations } from "./cache-generations";
import { corpusStamp, loadLinkerInput, type LinkerInput } from "./link-store";

export interface TopicRunReport {
  /** False when the last run already covered this corpus, these links and this taxonomy. */
  ran: boolean;
  documents: number;
  planNodes: number;
  assignments: number;
  decisions: { unchanged: number; moved: number; orphaned: number; restored: number };
  seconds: number;
}

/** What a topic run depends on: the corpus, the latest linker run and editors' link decisions, the taxonomy, the method. */
export async function topicStamp(db: PrismaClient): Promise<string> {
  const [corpus, lastLinkRun, lastLinkChange] = await Promise.all([
    corpusStamp(db),
    db.linkRun.findFirst({ select: { id: true }, orderBy: { finishedAt: "desc" } }),
    db.link.aggregate({ _max: { updatedAt: true }, _count: { _all: true } }),
  ]);
  const text = [
    corpus,
    lastLinkRun?.id ?? "",
    lastLinkChange._max.updatedAt?.toISOString() ?? "",
    lastLinkChange._count._all,
    crypto.createHash("sha256").update(taxonomyText()).digest("hex"),
    TOPIC_METHOD,
    TOPIC_VERSION,
  ].join("\n");
  return crypto.createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** The links readers see (suggested or confirmed, anchored), as the assignment reads them. */
export async function visibleNodeLinks(db: PrismaClient): Promise<TopicPlanLink[]> {
  const rows = await db.link.findMany({
    where: { status: { in: ["suggested", "confirmed"] }, orphanedAt: null, targetKey: "" },
    select: { documentId: true, planPath: true, score: true, status: true },
  });
  // An editor's confirmation (score 0 for an editor's own link) is as sure as the best machine link.
  return rows.map((r) => ({
    documentId: r.documentId,
    planPath: r.planPath,
    score: r.status === "confirmed" ? Math.max(r.score, 0.5) : r.score,
  }));
}

/** Assignment rows of one run: documents, plan nodes and passages. */
function assignmentRows(input: LinkerInput, result: TopicAssignmentResult, runId: string) {
  const paragraphOwner = new Map<string, { documentId: string | null; planPath: string | null }>();
  for (const d of input.documents)
    for (const p of d.paragraphs) paragraphOwner.set(p.id, { documentId: d.id, planPath: null });
  for (const n of input.nodes)
    for (const p of n.paragraphs) paragraphOwner.set(p.id, { documentId: null, planPath: n.path });
  const nodeIds = new Map(input.nodes.map((n) => [n.path, n.id]));
  const rows: {
    id: string;
    topicSlug: string;
    subjectKind: "document" | "plan_node" | "paragraph";
    subjectId: string;
    documentId: string | null;
    planPath: string | null;
    score: number;
    bestParagraphId: string | null;
    terms: string[];
    runId: string;
  }[] = [];
  const push = (
    subjectKind: (typeof rows)[number]["subjectKind"],
    subjectId: string,
    owner: { documentId: string | null; planPath: string | null },
    t: { topic: string; score: number; terms: string[]; bestParagraphId: string | null },
  ) =>
    rows.push({
      id: crypto.randomUUID(),
      topicSlug: t.topic,
      subjectKind,
      subjectId,
      ...owner,
      score: t.score,
      bestParagraphId: subjectKind === "paragraph" ? null : t.bestParagraphId,
      terms: t.terms,
      runId,
    });
  for (const [id, topics] of result.documents)
    for (const t of topics) push("document", id, { documentId: id, planPath: null }, t);
  for (const [path, topics] of result.planNodes) {
    for (const t of topics) push("plan_node", nodeIds.get(path) ?? path, { documentId: null, planPath: path }, t);
  }
  for (const [id, topics] of result.passages) {
    const owner = paragraphOwner.get(id);
    if (owner) for (const t of topics) push("paragraph", id, owner, t);
  }
  return rows;
}

/**
 * Finds each editor's decision's document again by its anchor (source and title): an exact match
 * under another id is followed; none, or several, marks it orphaned (kept, not applied).
 */
export async function reanchorTopicDecisions(db: PrismaClient): Promise<TopicRunReport["decisions"]> {
  const counts = { unchanged: 0, moved: 0, orphaned: 0, restored: 0 };
  const decisions = await db.topicDecision.findMany({
    select: {
      id: true,
      documentId: true,
      documentSourceId: true,
      documentTitle: true,
      topicSlug: true,
      orphanedAt: true,
    },
  });
  if (!decisions.length) return counts;
  const documents = await db.document.findMany({ select: { id: true, sourceId: true, title: true } });
  const byId = new Map(documents.map((d) => [d.id, d]));
  const taken = new Set(decisions.map((d) => `${d.documentId}\u0000${d.topicSlug}`));
  for (const d of decisions) {
    const current = byId.get(d.documentId);
    if (
      current &&
      current.sourceId === d.documentSourceId &&
      (sameTitle(current.title, d.documentTitle) || retitled(current.title, d.documentTitle))
    ) {
      if (d.orphanedAt) {
        await db.topicDecision.update({ where: { id: d.id }, data: { orphanedAt: null } });
        counts.restored++;
      } else counts.unchanged++;
      continue;
    }
    const candidates = documents.filter(
      (x) => x.sourceId === d.documentSourceId && sameTitle(x.title, d.documentTitle),
    );
    const target = candidates.length === 1 ? candidates[0]! : null;
    const key = target ? `${target.id}\u0000${d.topicSlug}` : "";
    if (!target || taken.has(key)) {
      counts.orphaned++;
      if (!d.orphanedAt) await db.topicDecision.update({ where: { id: d.id }, data: { orphanedAt: new Date() } });
      continue;
    }
    taken.delete(`${d.documentId}\u0000${d.topicSlug}`);
    taken.add(key);
    await db.topicDecision.update({ where: { id: d.id }, data: { documentId: target.id, orphanedAt: null } });
    if (d.orphanedAt) counts.restored++;
    else counts.moved++;
  }
  if (counts.moved || counts.orphaned || counts.restored) await bumpGenerations(db, ["topics"]);
  return counts;
}

/** Runs the assignment when anything it depends on changed (or when forced) and stores it in one transaction. */
export async function runTopicAssignment(
  db: PrismaClient,
  options: { force?: boolean; log?: (m: string) => void } = {},
): Promise<TopicRunReport> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const stamp = await topicStamp(db);
  const last = await db.topicRun.findFirst({ select: { stamp: true }, orderBy: { finishedAt: "desc" } });
  const decisions = await reanchorTopicDecisions(db);
  if (decisions.moved || decisions.orphaned || decisions.restored) {
    log(
      `Topic decisions re-anchored: ${decisions.moved} moved, ${decisions.restored} found again, ${decisions.orphaned} orphaned (kept for an editor).`,
    );
  }
  if (last?.stamp === stamp && !options.force) {
    return { ran: false, documents: 0, planNodes: 0, assignments: 0, decisions, seconds: 0 };
  }
  const startedAt = new Date();
  const [input, links] = await Promise.all([loadLinkerInput(db), visibleNodeLinks(db)]);
  const result = assignTopics(loadTaxonomy(), input.documents, input.nodes, links);
  const runId = crypto.randomUUID();
  const rows = assignmentRows(input, result, runId);
  await db.$transaction(
    async (tx) => {
      await bumpGenerations(tx, ["topics"]);
      await tx.topicAssignment.deleteMany({});
      for (let i = 0; i < rows.length; i += 2000)
        await tx.topicAssignment.createMany({ data: rows.slice(i, i + 2000) });
      await tx.topicRun.create({
        data: {
          id: runId,
          method: result.method,
          version: result.version,
          stamp,
          startedAt,
          finishedAt: new Date(),
          documents: result.documents.size,
          planNodes: result.planNodes.size,
          assignments: rows.length,
        },
      });
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
  const seconds = (performance.now() - started) / 1000;
  log(
    `Topics assigned (${result.method}@${result.version}): ${result.documents.size} documents, ${result.planNodes.size} plan nodes, ${result.passages.size} passages in ${seconds.toFixed(1)} s.`,
  );
  return {
    ran: true,
    documents: result.documents.size,
    planNodes: result.planNodes.size,
    assignments: rows.length,
    decisions,
    seconds,
  };
}
