import "server-only";
import { getDb } from "../db";
import type { DocumentKind, LinkBand } from "../generated/prisma/client";
import { anchorCandidates } from "../linking/candidates";
import { sameTitle } from "../linking/anchor";
import { documentUrl, planNodeLabel } from "../urls";

export interface OrphanedLinkItem {
  id: string;
  documentId: string;
  documentTitle: string;
  documentUrl: string | null;
  planPath: string;
  planNodeTitle: string;
  status: string;
  reason: string | null;
  orphanedAt: string;
  evidence: {
    rank: number;
    quote: string;
    planQuote: string;
    /** Passages of the document (as it is now) most like the lost quote. */
    candidates: { paragraphId: string; n: number; text: string; similarity: number }[];
  }[];
}

export interface QueueLinkItem {
  id: string;
  documentId: string;
  documentTitle: string;
  documentKind: DocumentKind | null;
  documentUrl: string | null;
  planPath: string;
  planNodeLabel: string;
  band: LinkBand;
  score: number;
  createdAt: string;
}

export interface EditorEventItem {
  id: string;
  linkId: string;
  action: string;
  at: string;
  note: string | null;
  documentTitle: string;
  planPath: string;
}

export interface EditorQueue {
  orphaned: OrphanedLinkItem[];
  newSuggestions: QueueLinkItem[];
  unlinkedDocuments: { id: string; kind: DocumentKind; title: string; url: string }[];
  recentChanges: EditorEventItem[];
}

/** What needs an editor's attention, and what this editor did last. */
export async function getEditorQueue(editorId: string, since: Date | null): Promise<EditorQueue> {
  const db = getDb();
  const [orphanRows, suggestionRows, documents, linkedIds, events, nodes] = await Promise.all([
    db.link.findMany({
      where: { orphanedAt: { not: null }, status: { not: "rejected" } },
      select: {
        id: true,
        documentId: true,
        documentSourceId: true,
        documentTitle: true,
        planPath: true,
        planNodeTitle: true,
        status: true,
        orphanReason: true,
        orphanedAt: true,
        evidence: { select: { rank: true, paragraphQuote: true, planParagraphQuote: true }, orderBy: { rank: "asc" } },
      },
      orderBy: { orphanedAt: "asc" },
    }),
    db.link.findMany({
      where: {
        origin: "machine",
        status: "suggested",
        orphanedAt: null,
        ...(since ? { createdAt: { gt: since } } : {}),
      },
      select: {
        id: true,
        documentId: true,
        documentTitle: true,
        planPath: true,
        band: true,
        score: true,
        createdAt: true,
      },
      orderBy: [{ createdAt: "desc" }, { score: "desc" }],
      take: 50,
    }),
    db.document.findMany({
      select: { id: true, kind: true, title: true, sourceId: true },
      orderBy: [{ sourceId: "asc" }, { ordinal: "asc" }],
    }),
    db.link.findMany({
      where: { status: { not: "rejected" }, orphanedAt: null },
      select: { documentId: true },
      distinct: ["documentId"],
    }),
    db.linkEvent.findMany({
      where: { actorId: editorId },
      select: {
        id: true,
        linkId: true,
        action: true,
        at: true,
        note: true,
        link: { select: { documentTitle: true, planPath: true } },
      },
      orderBy: { at: "desc" },
      take: 20,
    }),
    db.planNode.findMany({ select: { path: true, number: true, title: true } }),
  ]);

  const docById = new Map(documents.map((d) => [d.id, d]));
  const label = new Map(nodes.map((n) => [n.path, planNodeLabel(n)]));

  // Candidates come from the document the link's anchor names: the same source, the same title
  // (resolved once per link); their paragraphs are read in one query.
  const docOf = new Map(
    orphanRows.map((l) => [
      l.id,
      documents.find((d) => d.id === l.documentId && sameTitle(d.title, l.documentTitle)) ??
        documents.find((d) => d.sourceId === l.documentSourceId && sameTitle(d.title, l.documentTitle)),
    ]),
  );
  const docIds = [...new Set([...docOf.values()].flatMap((d) => (d ? [d.id] : [])))];
  const paragraphsOf = new Map<string, { id: string; n: number; text: string }[]>();
  if (docIds.length) {
    const rows = await db.paragraph.findMany({
      where: { documentId: { in: docIds } },
      select: { id: true, n: true, text: true, documentId: true },
      orderBy: [{ documentId: "asc" }, { n: "asc" }],
    });
    for (const { documentId, ...p } of rows) {
      const list = paragraphsOf.get(documentId!) ?? paragraphsOf.set(documentId!, []).get(documentId!)!;
      list.push(p);
    }
  }
  const orphaned = orphanRows.map((l): OrphanedLinkItem => {
    const row = docOf.get(l.id);
    const paragraphs = row ? (paragraphsOf.get(row.id) ?? []) : null;
    return {
      id: l.id,
      documentId: l.documentId,
      documentTitle: l.documentTitle,
      documentUrl: row ? documentUrl(row.kind, row.id) : null,
      planPath: l.planPath,
      planNodeTitle: l.planNodeTitle,
      status: l.status,
      reason: l.orphanReason,
      orphanedAt: l.orphanedAt!.toISOString(),
      evidence: l.evidence.map((e) => ({
        rank: e.rank,
        quote: e.paragraphQuote,
        planQuote: e.planParagraphQuote,
        candidates: paragraphs
          ? anchorCandidates(e.paragraphQuote, paragraphs).map((c) => ({
              paragraphId: c.item.id,
              n: c.item.n,
              text: c.item.text,
              similarity: Math.round(c.similarity * 100) / 100,
            }))
          : [],
      })),
    };
  });

  const linked = new Set(linkedIds.map((l) => l.documentId));
  return {
    orphaned,
    newSuggestions: suggestionRows.map((l) => {
      const d = docById.get(l.documentId);
      return {
        id: l.id,
        documentId: l.documentId,
        documentTitle: l.documentTitle,
        documentKind: d?.kind ?? null,
        documentUrl: d ? documentUrl(d.kind, d.id) : null,
        planPath: l.planPath,
        planNodeLabel: label.get(l.planPath) ?? l.planPath,
        band: l.band,
        score: l.score,
        createdAt: l.createdAt.toISOString(),
      };
    }),
    unlinkedDocuments: documents
      .filter((d) => !linked.has(d.id))
      .map((d) => ({ id: d.id, kind: d.kind, title: d.title, url: documentUrl(d.kind, d.id) })),
    recentChanges: events.map((e) => ({
      id: e.id,
      linkId: e.linkId,
      action: e.action,
      at: e.at.toISOString(),
      note: e.note,
      documentTitle: e.link.documentTitle,
      planPath: e.link.planPath,
    })),
  };
}
