import "server-only";
import { getDb } from "../db";

export interface CorpusOverview {
  byKind: { speech: number; proposal: number; report: number };
  planNodes: number;
}

/** Counts for the overview page (sources come from listSources). */
export async function getCorpusOverview(): Promise<CorpusOverview> {
  const db = getDb();
  const [kinds, planNodes] = await Promise.all([
    db.document.groupBy({ by: ["kind"], _count: { _all: true } }),
    db.planNode.count(),
  ]);
  const byKind = { speech: 0, proposal: 0, report: 0 };
  for (const k of kinds) byKind[k.kind] = k._count._all;
  return { byKind, planNodes };
}
