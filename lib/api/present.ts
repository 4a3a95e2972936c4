import type { DocumentSummary } from "../data/documents";
import type { PlanNodeDetail, PlanOutlineNode, PlanTargetDto } from "../data/plan";
import type { PlanNodeDetailOut, PlanNodeOut } from "./schemas";

/** Shapes data-layer objects into the API contract (nothing more, nothing less). */
export function toApiDocument(d: DocumentSummary) {
  return {
    id: d.id,
    kind: d.kind,
    title: d.title,
    url: d.url,
    date: d.date,
    source: { file: d.source.file, title: d.source.title, lineStart: d.source.lineStart, lineEnd: d.source.lineEnd },
    speakers: d.speakers,
    topics: d.topics,
  };
}

const apiLevel = (path: string, level: number) => (path === "0" ? 0 : level);

export function toApiPlanNode(n: PlanOutlineNode): PlanNodeOut {
  return {
    path: n.path,
    level: apiLevel(n.path, n.level),
    number: n.number,
    title: n.title,
    children: n.children.map(toApiPlanNode),
  };
}

export function toApiTarget(t: PlanTargetDto) {
  return {
    id: t.id,
    kind: t.kind,
    path: t.path,
    text: t.text,
    indicator: t.indicator,
    value: t.value,
    unit: t.unit,
    year: t.year,
    lineStart: t.lineStart,
  };
}

export function toApiPlanNodeDetail(n: PlanNodeDetail): PlanNodeDetailOut {
  return {
    path: n.path,
    level: apiLevel(n.path, n.level),
    number: n.number,
    title: n.title,
    paragraphs: n.paragraphs,
    targets: n.targets.map(toApiTarget),
    figures: n.figures.map(({ name, fileName, missing }) => ({ name, fileName, missing })),
    children: n.children.map(toApiPlanNodeDetail),
  };
}
