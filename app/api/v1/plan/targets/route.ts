import { apiJson, parseSearchParams, withApiErrors } from "@/lib/api/http";
import { targetsQuery } from "@/lib/api/schemas";
import { toApiTargetList } from "@/lib/api/present";
import { listPlanTargets } from "@/lib/data/plan";

export const GET = withApiErrors(async (request: Request) => {
  const query = parseSearchParams(targetsQuery, request.url);
  if (!query.ok) return query.response;
  return apiJson(toApiTargetList(await listPlanTargets(query.data.kind)));
});
