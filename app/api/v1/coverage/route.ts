import { apiJson, parseSearchParams, withApiErrors } from "@/lib/api/http";
import { coverageQuery } from "@/lib/api/link-schemas";
import { coverageToCsv, toApiCoverage } from "@/lib/api/present-links";
import { getCoverage } from "@/lib/data/coverage";

export const GET = withApiErrors(async (request: Request) => {
  const parsed = parseSearchParams(coverageQuery, request.url);
  if (!parsed.ok) return parsed.response;
  const { format, ...filter } = parsed.data;
  const coverage = await getCoverage(filter);
  if (format === "csv") {
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(coverageToCsv(coverage), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="coverage-${stamp}.csv"`,
        "cache-control": "no-store",
      },
    });
  }
  return apiJson(toApiCoverage(coverage, filter));
});
