import "server-only";
import { getDb } from "../db";
import { readThrough } from "./cached";
import { DOCUMENT_KINDS, type DocumentKind } from "../kinds";

export interface CorpusOverview {
  byKind: Record<DocumentKind, number>;
  planNodes: number;
}

/** Counts for the overview page (sources come from listSources). */
export async function getCorpusOverview(): Promise<CorpusOverview> {
  return readThrough("getCorpusOverview", ["corpus"], loadCorpusOverview);
}

async function loadCorpusOverview(): Promise<CorpusOverview> {
  const db = getDb();
  const [kinds, planNodes] = await Promise.all([
    db.document.groupBy({ by: ["kind"], _count: { _all: true } }),
    db.planNode.count(),
  ]);
  const byKind = Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, 0])) as Record<DocumentKind, number>;
  for (const k of kinds) byKind[k.kind] = k._count._all;
  return { byKind, planNodes };
}
