import "server-only";
import { cache } from "react";
import { getDb } from "../db";
import { readThrough } from "./cached";
import type { DocumentKind, PlanTargetKind } from "../generated/prisma/client";
import { DOCUMENT_KINDS } from "../kinds";
import { attentionShares, type AttentionColumns } from "../topics/attention";
import { effectiveTopics, type EffectiveTopic } from "../topics/effective";
import { loadTaxonomy, type Topic } from "../topics/taxonomy";
import { documentParagraphUrl, documentUrl, formatDate, planNodeLabel, planNodeUrl, planParagraphUrl } from "../urls";

/** A topic as chips and lists show it. */
export interface TopicChip {
  slug: string;
  name: string;
  score: number;
  origin: "machine" | "editor";
}

export function taxonomy(): Topic[] {
  return loadTaxonomy();
}

export const knownTopic = (slug: string): Topic | undefined => loadTaxonomy().find((t) => t.slug === slug);

const chip = (t: EffectiveTopic): TopicChip => ({
  slug: t.slug,
  name: knownTopic(t.slug)?.name ?? t.slug,
  score: t.score,
  origin: t.origin,
});

/** Every document's topics as readers see them (machine, then editors' decisions), read once per request. */
export const documentTopicIndex = cache((): Promise<Map<string, EffectiveTopic[]>> =>
  readThrough("documentTopicIndex", ["corpus", "topics"], loadDocumentTopicIndex),
);

async function loadDocumentTopicIndex(): Promise<Map<string, EffectiveTopic[]>> {
  const db = getDb();
  const [machine, decisions] = await Promise.all([
    db.topicAssignment.findMany({
      where: { subjectKind: "document" },
      select: { documentId: true, topicSlug: true, score: true },
    }),
    db.topicDecision.findMany({ select: { documentId: true, topicSlug: true, status: true, orphanedAt: true } }),
  ]);
  return effectiveTopics(
    machine.map((m) => ({ documentId: m.documentId!, topicSlug: m.topicSlug, score: m.score })),
    decisions.map((d) => ({ ...d, orphaned: d.orphanedAt !== null })),
    new Set(loadTaxonomy().map((t) => t.slug)),
  );
}

/**
 * Every document and plan node with each of its topics as readers see them, as parallel arrays (ids
 * beside slugs): what search's topic filter and facet count with, in SQL.
 */
export const listTopicPairs = cache((): Promise<{ ids: string[]; slugs: string[] }> =>
  readThrough("topicPairs", ["corpus", "topics"], loadTopicPairs),
);

async function loadTopicPairs(): Promise<{ ids: string[]; slugs: string[] }> {
  const [documents, nodes] = await Promise.all([
    documentTopicIndex(),
    getDb().topicAssignment.findMany({
      where: { subjectKind: "plan_node" },
      select: { subjectId: true, topicSlug: true },
    }),
  ]);
  const known = new Set(loadTaxonomy().map((t) => t.slug));
  const ids: string[] = [];
  const slugs: string[] = [];
  const add = (id: string, slug: string) => {
    ids.push(id);
    slugs.push(slug);
  };
  for (const [id, topics] of documents) for (const t of topics) add(id, t.slug);
  for (const n of nodes) if (known.has(n.topicSlug)) add(n.subjectId, n.topicSlug);
  return { ids, slugs };
}

/** Topics of the given documents, as chips. */
export async function topicsOfDocuments(ids: readonly string[]): Promise<Map<string, TopicChip[]>> {
  const index = await documentTopicIndex();
  return new Map(ids.map((id) => [id, (index.get(id) ?? []).map(chip)]));
}

/** The documents on a topic (what the lists' ?topic= filter keeps). */
export async function documentIdsOnTopic(slug: string): Promise<string[]> {
  const index = await documentTopicIndex();
  return [...index].filter(([, topics]) => topics.some((t) => t.slug === slug)).map(([id]) => id);
}

/** How many of the given documents are on each topic: a list's filter offers only topics with documents. */
export async function topicCountsAmong(documentIds: readonly string[]): Promise<Map<string, number>> {
  const index = await documentTopicIndex();
  const counts = new Map<string, number>();
  for (const id of documentIds) for (const t of index.get(id) ?? []) counts.set(t.slug, (counts.get(t.slug) ?? 0) + 1);
  return counts;
}

export interface TopicSummary {
  slug: string;
  name: string;
  description: string;
  parent: string | null;
  counts: Record<DocumentKind | "plan", number>;
  /** Share of each kind's attention and of the plan's text (0–1). */
  attention: Record<DocumentKind | "plan", number>;
}

/** Plan nodes that count for a topic: sections and subsections (a chapter would count its sections twice). */
const countedNode = { kind: { in: ["section", "subsection"] as ("section" | "subsection")[] } };

/** Every topic with counts and attention (ADR 0010: kept until the corpus or the topics change). */
export const listTopics = cache((): Promise<TopicSummary[]> =>
  readThrough("listTopics", ["corpus", "topics"], loadTopics),
);

async function loadTopics(): Promise<TopicSummary[]> {
  const db = getDb();
  const [index, documents, planAssignments, nodes] = await Promise.all([
    documentTopicIndex(),
    db.document.findMany({ select: { id: true, kind: true } }),
    db.topicAssignment.findMany({
      where: { subjectKind: "plan_node" },
      select: { planPath: true, topicSlug: true, score: true },
    }),
    db.planNode.findMany({ select: { path: true, kind: true, paragraphs: { select: { text: true } } } }),
  ]);
  const counted = new Set(nodes.filter((n) => countedNode.kind.in.includes(n.kind as "section")).map((n) => n.path));
  const kindOf = new Map(documents.map((d) => [d.id, d.kind]));
  const zero = () => ({ speech: 0, proposal: 0, report: 0, plan: 0 }) as Record<DocumentKind | "plan", number>;
  const counts = new Map(loadTaxonomy().map((t) => [t.slug, zero()]));
  for (const [id, topics] of index) {
    const kind = kindOf.get(id);
    if (kind) for (const t of topics) counts.get(t.slug)![kind]++;
  }
  const nodeTopics = new Map<string, { slug: string; score: number }[]>();
  for (const a of planAssignments) {
    if (!a.planPath) continue;
    nodeTopics.set(a.planPath, [...(nodeTopics.get(a.planPath) ?? []), { slug: a.topicSlug, score: a.score }]);
    if (counted.has(a.planPath) && counts.has(a.topicSlug)) counts.get(a.topicSlug)!.plan++;
  }
  const paths = new Set(nodes.map((n) => n.path));
  const leaves = nodes.filter((n) => ![...paths].some((p) => p.startsWith(`${n.path}.`)));
  const attention = attentionShares(
    {
      documents: [...index].map(([id, topics]) => ({ kind: kindOf.get(id) ?? "", topics })),
      planLeaves: leaves.map((n) => ({
        chars: n.paragraphs.reduce((a, p) => a + [...p.text].length, 0),
        topics: nodeTopics.get(n.path) ?? [],
      })),
    },
    DOCUMENT_KINDS,
  );
  return loadTaxonomy().map((t) => {
    const a: AttentionColumns = attention.get(t.slug) ?? {};
    return {
      slug: t.slug,
      name: t.name,
      description: t.description,
      parent: t.parent ?? null,
      counts: counts.get(t.slug)!,
      attention: { speech: a.speech ?? 0, proposal: a.proposal ?? 0, report: a.report ?? 0, plan: a.plan ?? 0 },
    };
  });
}

export interface TopicPassage {
  paragraphId: string;
  n: number;
  text: string;
  url: string;
}

export interface TopicDocumentEntry {
  id: string;
  kind: DocumentKind;
  title: string;
  url: string;
  date: string | null;
  sourceTitle: string;
  speakers: { personId: string; name: string }[];
  score: number;
  origin: "machine" | "editor";
  terms: string[];
  passage: TopicPassage | null;
}

export interface TopicPlanEntry {
  path: string;
  kind: string;
  label: string;
  url: string;
  score: number;
  terms: string[];
  passage: TopicPassage | null;
  targets: { id: string; kind: PlanTargetKind; text: string }[];
}

export interface TopicDetail extends TopicSummary {
  planNodes: TopicPlanEntry[];
  documents: TopicDocumentEntry[];
  people: { personId: string; name: string; documents: number }[];
}

const comparePaths = (a: string, b: string) => {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
  return 0;
};

/** One topic: its plan sections and subsections with their targets, its documents and the people behind them, each with its best passage. */
export const getTopic = cache((slug: string): Promise<TopicDetail | null> =>
  readThrough("getTopic", ["corpus", "topics"], loadTopic, slug),
);

async function loadTopic(slug: string): Promise<TopicDetail | null> {
  const summary = (await listTopics()).find((t) => t.slug === slug);
  if (!summary) return null;
  const db = getDb();
  const ids = await documentIdsOnTopic(slug);
  const index = await documentTopicIndex();
  const [documents, machineDocs, nodeRows] = await Promise.all([
    db.document.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        kind: true,
        title: true,
        source: { select: { title: true, date: true, datePrecision: true } },
        speakers: { select: { person: { select: { id: true, name: true } } }, orderBy: { position: "asc" } },
      },
      orderBy: [{ source: { date: "desc" } }, { sourceId: "asc" }, { ordinal: "asc" }],
    }),
    db.topicAssignment.findMany({
      where: { subjectKind: "document", topicSlug: slug },
      select: { documentId: true, terms: true, bestParagraphId: true },
    }),
    db.topicAssignment.findMany({
      where: { subjectKind: "plan_node", topicSlug: slug },
      select: { planPath: true, score: true, terms: true, bestParagraphId: true },
    }),
  ]);
  const nodes = await db.planNode.findMany({
    where: { path: { in: nodeRows.map((r) => r.planPath!) }, ...countedNode },
    select: {
      path: true,
      kind: true,
      number: true,
      title: true,
      targets: {
        where: { kind: { in: ["goal", "target"] } },
        select: { id: true, kind: true, text: true },
        orderBy: { id: "asc" },
      },
    },
  });
  // The best passage of each document is its passage that is most on the topic; for a document an
  // editor added without machine evidence, the passage that shows the topic at all, if any.
  const machineByDoc = new Map(machineDocs.map((m) => [m.documentId!, m]));
  const fallback = await db.topicAssignment.findMany({
    where: {
      subjectKind: "paragraph",
      topicSlug: slug,
      documentId: { in: ids.filter((id) => !machineByDoc.get(id)?.bestParagraphId) },
    },
    select: { documentId: true, subjectId: true, score: true },
    orderBy: { score: "desc" },
  });
  const bestIds = [
    ...machineDocs.map((m) => m.bestParagraphId),
    ...fallback.map((f) => f.subjectId),
    ...nodeRows.map((r) => r.bestParagraphId),
  ].filter((x): x is string => !!x);
  const paragraphs = new Map(
    (
      await db.paragraph.findMany({
        where: { id: { in: bestIds } },
        select: { id: true, n: true, text: true, planNode: { select: { path: true } } },
      })
    ).map((p) => [p.id, p]),
  );
  const documentPassage = (
    kind: DocumentKind,
    documentId: string,
    id: string | null | undefined,
  ): TopicPassage | null => {
    const p = id ? paragraphs.get(id) : undefined;
    return p ? { paragraphId: p.id, n: p.n, text: p.text, url: documentParagraphUrl(kind, documentId, p.n) } : null;
  };
  const docEntries: TopicDocumentEntry[] = documents.map((d) => {
    const m = machineByDoc.get(d.id);
    const t = index.get(d.id)?.find((x) => x.slug === slug);
    const best = m?.bestParagraphId ?? fallback.find((f) => f.documentId === d.id)?.subjectId;
    return {
      id: d.id,
      kind: d.kind,
      title: d.title,
      url: documentUrl(d.kind, d.id),
      date: formatDate(d.source.date, d.source.datePrecision),
      sourceTitle: d.source.title,
      speakers: d.speakers.map((s) => ({ personId: s.person.id, name: s.person.name })),
      score: t?.score ?? 0,
      origin: t?.origin ?? "machine",
      terms: m?.terms ?? [],
      passage: documentPassage(d.kind, d.id, best),
    };
  });
  docEntries.sort(
    (a, b) => b.score - a.score || (b.date ?? "").localeCompare(a.date ?? "") || a.id.localeCompare(b.id),
  );
  const rowByPath = new Map(nodeRows.map((r) => [r.planPath!, r]));
  const planEntries: TopicPlanEntry[] = nodes
    .map((n) => {
      const r = rowByPath.get(n.path)!;
      const p = r.bestParagraphId ? paragraphs.get(r.bestParagraphId) : undefined;
      return {
        path: n.path,
        kind: n.kind,
        label: planNodeLabel(n),
        url: planNodeUrl(n.path),
        score: r.score,
        terms: r.terms,
        passage: p?.planNode
          ? { paragraphId: p.id, n: p.n, text: p.text, url: planParagraphUrl(p.planNode.path, p.n) }
          : null,
        targets: n.targets,
      };
    })
    .sort((a, b) => comparePaths(a.path, b.path));
  const people = new Map<string, { personId: string; name: string; documents: number }>();
  for (const d of docEntries) {
    for (const s of d.speakers) {
      const p = people.get(s.personId) ?? { ...s, documents: 0 };
      p.documents++;
      people.set(s.personId, p);
    }
  }
  return {
    ...summary,
    planNodes: planEntries,
    documents: docEntries,
    people: [...people.values()].sort((a, b) => b.documents - a.documents || a.name.localeCompare(b.name, "zh")),
  };
}

export interface DocumentTopicView extends TopicChip {
  terms: string[];
  passage: { n: number; paragraphId: string } | null;
}

/** A document's topics with why (terms, best passage), and each passage's topics (those of the document). */
export async function getDocumentTopics(documentId: string): Promise<{
  topics: DocumentTopicView[];
  passages: Map<string, TopicChip[]>;
}> {
  const db = getDb();
  const [chips, machine, passageRows, paragraphs] = await Promise.all([
    topicsOfDocuments([documentId]).then((m) => m.get(documentId) ?? []),
    db.topicAssignment.findMany({
      where: { subjectKind: "document", documentId },
      select: { topicSlug: true, terms: true, bestParagraphId: true },
    }),
    db.topicAssignment.findMany({
      where: { subjectKind: "paragraph", documentId },
      select: { subjectId: true, topicSlug: true, score: true, terms: true },
      orderBy: { score: "desc" },
    }),
    db.paragraph.findMany({ where: { documentId }, select: { id: true, n: true } }),
  ]);
  const nOf = new Map(paragraphs.map((p) => [p.id, p.n]));
  const byTopic = new Map(machine.map((m) => [m.topicSlug, m]));
  const on = new Set(chips.map((c) => c.slug));
  const passages = new Map<string, TopicChip[]>();
  for (const r of passageRows) {
    // A passage shows the topics of its document: what explains the document's chips, not every stray term.
    if (!on.has(r.topicSlug)) continue;
    const c = chips.find((x) => x.slug === r.topicSlug)!;
    passages.set(r.subjectId, [...(passages.get(r.subjectId) ?? []), { ...c, score: r.score }]);
  }
  const topics = chips.map((c) => {
    const m = byTopic.get(c.slug);
    const best = m?.bestParagraphId ?? passageRows.find((r) => r.topicSlug === c.slug)?.subjectId ?? null;
    return {
      ...c,
      terms: m?.terms ?? passageRows.find((r) => r.topicSlug === c.slug)?.terms ?? [],
      passage: best && nOf.has(best) ? { paragraphId: best, n: nOf.get(best)! } : null,
    };
  });
  return { topics, passages };
}

/** Topics of the plan nodes at or under a path (every node without one), by path (chips on the plan's pages). */
export async function planNodeTopics(path?: string): Promise<Map<string, TopicChip[]>> {
  const rows = await getDb().topicAssignment.findMany({
    where: {
      subjectKind: "plan_node",
      ...(path ? { OR: [{ planPath: path }, { planPath: { startsWith: `${path}.` } }] } : {}),
    },
    select: { planPath: true, topicSlug: true, score: true },
    orderBy: [{ score: "desc" }, { topicSlug: "asc" }],
  });
  const out = new Map<string, TopicChip[]>();
  for (const r of rows) {
    const t = knownTopic(r.topicSlug);
    if (!t || !r.planPath) continue;
    out.set(r.planPath, [
      ...(out.get(r.planPath) ?? []),
      { slug: t.slug, name: t.name, score: r.score, origin: "machine" },
    ]);
  }
  return out;
}

/**
 * Each plan paragraph's topics at or under a path, by paragraph id: only the topics of the node the
 * paragraph belongs to, so a reader sees which passages make the node's chips.
 */
export async function planPassageTopics(path: string): Promise<Map<string, TopicChip[]>> {
  const [nodes, rows] = await Promise.all([
    planNodeTopics(path),
    getDb().topicAssignment.findMany({
      where: { subjectKind: "paragraph", OR: [{ planPath: path }, { planPath: { startsWith: `${path}.` } }] },
      select: { subjectId: true, planPath: true, topicSlug: true, score: true },
      orderBy: [{ score: "desc" }, { topicSlug: "asc" }],
    }),
  ]);
  const out = new Map<string, TopicChip[]>();
  for (const r of rows) {
    const chip = nodes.get(r.planPath ?? "")?.find((c) => c.slug === r.topicSlug);
    if (chip) out.set(r.subjectId, [...(out.get(r.subjectId) ?? []), { ...chip, score: r.score }]);
  }
  return out;
}
