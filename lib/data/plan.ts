import "server-only";
import { cache } from "react";
import { getDb } from "../db";
import { readThrough } from "./cached";
import type { PlanTargetKind, Prisma } from "../generated/prisma/client";
import { planNodeLabel, planTargetUrl } from "../urls";

export interface PlanTargetDto {
  id: string;
  kind: PlanTargetKind;
  path: string;
  text: string;
  indicator: string | null;
  value: string | null;
  unit: string | null;
  year: number | null;
  comparator: string | null;
  lineStart: number;
  paragraphN: number | null;
}

export interface PlanOutlineNode {
  path: string;
  level: number;
  kind: string;
  number: string | null;
  title: string;
  children: PlanOutlineNode[];
}

const targetSelect = {
  id: true,
  kind: true,
  text: true,
  indicator: true,
  value: true,
  unit: true,
  year: true,
  comparator: true,
  lineStart: true,
  paragraphN: true,
  planNode: { select: { path: true } },
} satisfies Prisma.PlanTargetSelect;

function toTarget(t: Prisma.PlanTargetGetPayload<{ select: typeof targetSelect }>): PlanTargetDto {
  const { planNode, ...rest } = t;
  return { ...rest, path: planNode.path };
}

/** Builds the tree from flat rows ordered by document position. */
function buildTree<R extends { path: string }, N extends { children: N[] }>(rows: R[], make: (row: R) => N): N[] {
  const byPath = new Map<string, N>();
  const roots: N[] = [];
  for (const row of rows) {
    const node = make(row);
    byPath.set(row.path, node);
    const parent = row.path.includes(".") ? byPath.get(row.path.slice(0, row.path.lastIndexOf("."))) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

export const getPlanOutline = cache(async () => readThrough("getPlanOutline", ["corpus"], loadPlanOutline));

async function loadPlanOutline() {
  const plan = await getDb().plan.findFirst({
    select: {
      id: true,
      title: true,
      metadata: true,
      source: { select: { file: true, body: true } },
      nodes: {
        select: { path: true, level: true, kind: true, number: true, title: true },
        orderBy: { ordinal: "asc" },
      },
    },
  });
  if (!plan) return null;
  const nodes = buildTree(plan.nodes, (n): PlanOutlineNode => ({ ...n, children: [] }));
  const counts = await getDb().planTarget.groupBy({ by: ["kind"], _count: { _all: true } });
  return {
    id: plan.id,
    title: plan.title,
    metadata: plan.metadata as Record<string, string>,
    source: plan.source,
    nodes,
    targetCounts: Object.fromEntries(counts.map((c) => [c.kind, c._count._all])) as Partial<
      Record<PlanTargetKind, number>
    >,
  };
}

export interface PlanNodeDetail {
  path: string;
  level: number;
  kind: string;
  number: string | null;
  title: string;
  lineStart: number;
  lineEnd: number;
  paragraphs: {
    id: string;
    n: number;
    text: string;
    headingLevel: number | null;
    lineStart: number;
    lineEnd: number;
  }[];
  targets: PlanTargetDto[];
  figures: { name: string; fileName: string; lineNumber: number; missing: boolean }[];
  children: PlanNodeDetail[];
}

/** A node with its own paragraphs and targets; its descendants carry theirs. */
export const getPlanNode = cache(async (path: string): Promise<PlanNodeDetail | null> =>
  readThrough("getPlanNode", ["corpus"], loadPlanNode, path),
);

async function loadPlanNode(path: string): Promise<PlanNodeDetail | null> {
  const db = getDb();
  const prefix = `${path}.`;
  const rows = await db.planNode.findMany({
    where: { OR: [{ path }, { path: { startsWith: prefix } }] },
    select: {
      path: true,
      level: true,
      kind: true,
      number: true,
      title: true,
      lineStart: true,
      lineEnd: true,
      paragraphs: {
        select: { id: true, n: true, text: true, headingLevel: true, lineStart: true, lineEnd: true },
        orderBy: { n: "asc" },
      },
      targets: { select: targetSelect, orderBy: { id: "asc" } },
      figures: { select: { name: true, fileName: true, lineNumber: true, missing: true } },
    },
    orderBy: { ordinal: "asc" },
  });
  if (!rows.length || rows[0]!.path !== path) return null;
  const [root] = buildTree(rows, (r): PlanNodeDetail => ({ ...r, targets: r.targets.map(toTarget), children: [] }));
  return root ?? null;
}

export async function listPlanTargets(kind?: PlanTargetKind): Promise<PlanTargetDto[]> {
  return readThrough("listPlanTargets", ["corpus"], loadPlanTargets, kind);
}

async function loadPlanTargets(kind?: PlanTargetKind): Promise<PlanTargetDto[]> {
  const rows = await getDb().planTarget.findMany({
    where: { kind },
    select: targetSelect,
    orderBy: [{ planNode: { ordinal: "asc" } }, { lineStart: "asc" }, { id: "asc" }],
  });
  return rows.map(toTarget);
}

/** A goal or target with the section it sits in and its chapter. */
export interface PlanTargetInContext extends PlanTargetDto {
  /** Where it is marked in the plan text. */
  url: string;
  /** The node it sits in ("(三) 主要目标"), and that node's chapter ("第一章 …"). */
  section: { path: string; label: string };
  chapter: { path: string; label: string };
}

/**
 * Every goal and quantitative or dated target (not the past five years' achievements), in plan
 * order, each with its section and chapter; with `chapter`, only that chapter's. `chapters` lists
 * every chapter that has any, for a filter that offers only values with results.
 */
export async function listPlanGoalsAndTargets(chapter?: string) {
  return readThrough("listPlanGoalsAndTargets", ["corpus"], loadPlanGoalsAndTargets, chapter);
}

async function loadPlanGoalsAndTargets(chapter?: string) {
  const db = getDb();
  const [rows, chapterNodes] = await Promise.all([
    db.planTarget.findMany({
      where: { kind: { in: ["goal", "target"] } },
      select: { ...targetSelect, planNode: { select: { path: true, number: true, title: true } } },
      orderBy: [{ planNode: { ordinal: "asc" } }, { lineStart: "asc" }, { id: "asc" }],
    }),
    db.planNode.findMany({
      where: { level: 1 },
      select: { path: true, number: true, title: true },
      orderBy: { ordinal: "asc" },
    }),
  ]);
  const chapterOf = new Map(chapterNodes.map((c) => [c.path, { path: c.path, label: planNodeLabel(c) }]));
  const all = rows.map((t): PlanTargetInContext => {
    const path = t.planNode.path;
    const top = path.split(".")[0]!;
    return {
      ...toTarget({ ...t, planNode: { path } }),
      url: planTargetUrl(path, t.id),
      section: { path, label: planNodeLabel(t.planNode) },
      chapter: chapterOf.get(top) ?? { path: top, label: top },
    };
  });
  const withTargets = new Set(all.map((t) => t.chapter.path));
  return {
    items: chapter ? all.filter((t) => t.chapter.path === chapter) : all,
    chapters: chapterNodes.filter((c) => withTargets.has(c.path)).map((c) => chapterOf.get(c.path)!),
  };
}
