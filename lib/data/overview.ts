import "server-only";
import { getDb } from "../db";

export interface CorpusOverview {
  sources: { id: string; title: string; body: string; level: string; documents: number }[];
  byKind: { speech: number; proposal: number; report: number };
  planNodes: number;
  planTargets: number;
  people: number;
}

export async function getCorpusOverview(): Promise<CorpusOverview> {
  const db = getDb();
  const [sources, kinds, planNodes, planTargets, people] = await Promise.all([
    db.source.findMany({
      select: { id: true, title: true, body: true, level: true, _count: { select: { documents: true } } },
      orderBy: { id: "asc" },
    }),
    db.document.groupBy({ by: ["kind"], _count: { _all: true } }),
    db.planNode.count(),
    db.planTarget.count(),
    db.person.count(),
  ]);
  const byKind = { speech: 0, proposal: 0, report: 0 };
  for (const k of kinds) byKind[k.kind] = k._count._all;
  return {
    sources: sources.map((s) => ({ id: s.id, title: s.title, body: s.body, level: s.level, documents: s._count.documents })),
    byKind,
    planNodes,
    planTargets,
    people,
  };
}
