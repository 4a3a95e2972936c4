/**
 * Content anchors of editorial links (ADR 0005): how a link finds its document, plan node, target
 * and evidence passages again after an ingest replaced the rows it pointed at. Pure: the caller
 * passes a snapshot of the corpus and the stored anchors, and applies the outcome.
 */
import crypto from "node:crypto";
import { normalizeText } from "../search/normalize";

/** Punctuation and whitespace do not identify a passage: a re-typeset comma must not orphan a link. */
const NOT_CONTENT = /[\s\p{P}\p{S}]/gu;

/** SHA-256 of the normalised text without punctuation or whitespace, 16 hex digits. */
export function fingerprint(text: string): string {
  const content = normalizeText(text).replace(NOT_CONTENT, "");
  return crypto.createHash("sha256").update(content).digest("hex").slice(0, 16);
}

/** Titles compare after normalisation, so a full-width/half-width or spacing change is not a new title. */
export const sameTitle = (a: string, b: string) =>
  normalizeText(a).replace(NOT_CONTENT, "") === normalizeText(b).replace(NOT_CONTENT, "");

/**
 * A document that kept its id and source but whose title the parser now writes shorter or longer
 * (a dropped "NAME：" prefix, a dropped 《》): one title's content holds the other's. Only ever asked
 * of the row with the stored id, never to choose among a source's documents.
 */
export function retitled(current: string, stored: string): boolean {
  const [a, b] = [current, stored].map((t) => normalizeText(t).replace(NOT_CONTENT, ""));
  const [short, long] = a!.length <= b!.length ? [a!, b!] : [b!, a!];
  return short.length >= 6 && long.includes(short);
}

export interface SnapshotParagraph {
  id: string;
  fingerprint: string;
}

export interface SnapshotDocument {
  id: string;
  sourceId: string;
  title: string;
  paragraphs: SnapshotParagraph[];
}

export interface SnapshotPlanNode {
  planId: string;
  path: string;
  title: string;
  paragraphs: SnapshotParagraph[];
  targets: { id: string; key: string }[];
}

/** What the corpus holds now, indexed once for all links. */
export interface AnchorSnapshot {
  documents: Map<string, SnapshotDocument>;
  documentsBySource: Map<string, SnapshotDocument[]>;
  nodes: Map<string, SnapshotPlanNode>;
  nodesByPlan: Map<string, SnapshotPlanNode[]>;
}

export function buildSnapshot(documents: SnapshotDocument[], nodes: SnapshotPlanNode[]): AnchorSnapshot {
  const documentsBySource = new Map<string, SnapshotDocument[]>();
  for (const d of documents) documentsBySource.set(d.sourceId, [...(documentsBySource.get(d.sourceId) ?? []), d]);
  const nodesByPlan = new Map<string, SnapshotPlanNode[]>();
  for (const n of nodes) nodesByPlan.set(n.planId, [...(nodesByPlan.get(n.planId) ?? []), n]);
  return {
    documents: new Map(documents.map((d) => [d.id, d])),
    documentsBySource,
    nodes: new Map(nodes.map((n) => [`${n.planId}\u0000${n.path}`, n])),
    nodesByPlan,
  };
}

export interface StoredAnchor {
  documentId: string;
  documentSourceId: string;
  documentTitle: string;
  planId: string;
  planPath: string;
  planNodeTitle: string;
  targetKey: string;
  targetId: string | null;
  evidence: {
    id: string;
    paragraphId: string | null;
    paragraphFingerprint: string;
    planParagraphId: string | null;
    planParagraphFingerprint: string;
  }[];
}

export interface ResolvedAnchor {
  documentId: string;
  planPath: string;
  targetId: string | null;
  evidence: { id: string; paragraphId: string; planParagraphId: string }[];
}

export type OrphanReason = "document" | "plan-node" | "target" | "passage" | "plan-passage";

export type ReanchorOutcome =
  | { kind: "resolved"; changed: boolean; anchor: ResolvedAnchor }
  | { kind: "orphaned"; reason: OrphanReason; detail: string };

/** The one candidate with the same anchor, preferring the one whose id did not change; ambiguity is not a match. */
function pick<T>(candidates: T[], sameId: (c: T) => boolean): T | null {
  const kept = candidates.find(sameId);
  if (kept) return kept;
  return candidates.length === 1 ? candidates[0]! : null;
}

function findDocument(link: StoredAnchor, s: AnchorSnapshot): SnapshotDocument | null {
  const byId = s.documents.get(link.documentId);
  if (
    byId &&
    byId.sourceId === link.documentSourceId &&
    (sameTitle(byId.title, link.documentTitle) || retitled(byId.title, link.documentTitle))
  ) {
    return byId;
  }
  const sameSource = s.documentsBySource.get(link.documentSourceId) ?? [];
  return pick(
    sameSource.filter((d) => sameTitle(d.title, link.documentTitle)),
    (d) => d.id === link.documentId,
  );
}

function findNode(link: StoredAnchor, s: AnchorSnapshot): SnapshotPlanNode | null {
  const byPath = s.nodes.get(`${link.planId}\u0000${link.planPath}`);
  if (byPath && sameTitle(byPath.title, link.planNodeTitle)) return byPath;
  return pick(
    (s.nodesByPlan.get(link.planId) ?? []).filter((n) => sameTitle(n.title, link.planNodeTitle)),
    (n) => n.path === link.planPath,
  );
}

/** A node's own paragraphs and its descendants': a section-level link may cite a subsection's passage. */
function nodeParagraphs(node: SnapshotPlanNode, s: AnchorSnapshot): SnapshotParagraph[] {
  const prefix = `${node.path}.`;
  const below = (s.nodesByPlan.get(node.planId) ?? []).filter((n) => n.path.startsWith(prefix));
  return [...node.paragraphs, ...below.flatMap((n) => n.paragraphs)];
}

function findParagraph(pool: SnapshotParagraph[], oldId: string | null, fp: string): SnapshotParagraph | null {
  return pick(
    pool.filter((p) => p.fingerprint === fp),
    (p) => p.id === oldId,
  );
}

/**
 * Where a stored link points now. Follows its anchors only to exact matches (same title, same
 * fingerprint); anything missing or ambiguous orphans the link rather than guessing.
 */
export function reanchor(link: StoredAnchor, s: AnchorSnapshot): ReanchorOutcome {
  const doc = findDocument(link, s);
  if (!doc) return { kind: "orphaned", reason: "document", detail: link.documentTitle };
  const node = findNode(link, s);
  if (!node) return { kind: "orphaned", reason: "plan-node", detail: link.planNodeTitle };

  let targetId: string | null = null;
  if (link.targetKey) {
    const target = pick(
      node.targets.filter((t) => t.key === link.targetKey),
      (t) => t.id === link.targetId,
    );
    if (!target) return { kind: "orphaned", reason: "target", detail: link.targetKey };
    targetId = target.id;
  }

  const planPool = nodeParagraphs(node, s);
  const evidence: ResolvedAnchor["evidence"] = [];
  for (const e of link.evidence) {
    const p = findParagraph(doc.paragraphs, e.paragraphId, e.paragraphFingerprint);
    if (!p) return { kind: "orphaned", reason: "passage", detail: e.paragraphFingerprint };
    const q = findParagraph(planPool, e.planParagraphId, e.planParagraphFingerprint);
    if (!q) return { kind: "orphaned", reason: "plan-passage", detail: e.planParagraphFingerprint };
    evidence.push({ id: e.id, paragraphId: p.id, planParagraphId: q.id });
  }

  const changed =
    doc.id !== link.documentId ||
    node.path !== link.planPath ||
    targetId !== link.targetId ||
    evidence.some((e, i) => e.paragraphId !== link.evidence[i]!.paragraphId) ||
    evidence.some((e, i) => e.planParagraphId !== link.evidence[i]!.planParagraphId);
  return { kind: "resolved", changed, anchor: { documentId: doc.id, planPath: node.path, targetId, evidence } };
}
