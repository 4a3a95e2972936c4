import { connection } from "next/server";
import type { Metadata } from "next";
import { PlanTargetsPage } from "@/components/plan/plan-targets-page";
import { flatSearchParams, planTargetsPageParams, type SearchParamsInput } from "@/lib/data/params";
import { listPlanGoalsAndTargets } from "@/lib/data/plan";

export const metadata: Metadata = { title: "规划目标与指标" };

export default async function PlanTargetsRoute({ searchParams }: { searchParams: SearchParamsInput }) {
  await connection(); // rendered per request: the corpus changes when it is re-ingested
  const params = planTargetsPageParams.parse(await flatSearchParams(searchParams));
  const { chapters } = await listPlanGoalsAndTargets();
  // A chapter without goals or targets (or none at all) falls back to every chapter.
  const chapter = chapters.some((c) => c.path === params.chapter) ? params.chapter : undefined;
  const { items } = await listPlanGoalsAndTargets(chapter);
  return <PlanTargetsPage items={items} chapters={chapters} chapter={chapter} />;
}
