import type { Metadata } from "next";
import { CoveragePage } from "@/components/coverage/coverage-page";
import { coveragePageParams } from "@/lib/data/params";
import { getCoverage } from "@/lib/data/coverage";
import { listSources } from "@/lib/data/documents";
import { flatSearchParams, type SearchParamsInput } from "@/lib/data/params";

export const metadata: Metadata = { title: "规划覆盖情况" };

export default async function Coverage({ searchParams }: { searchParams: SearchParamsInput }) {
  const params = coveragePageParams.parse(await flatSearchParams(searchParams));
  const [coverage, sources] = await Promise.all([
    getCoverage({ kind: params.kind, source: params.source, status: params.status }),
    listSources(),
  ]);
  return (
    <CoveragePage
      coverage={coverage}
      params={params}
      sources={sources.filter((s) => s.documents > 0).map((s) => ({ id: s.id, title: s.title }))}
    />
  );
}
