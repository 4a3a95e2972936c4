import { apiError, apiJson, parseParams, withApiErrors } from "@/lib/api/http";
import { planPathParams } from "@/lib/api/schemas";
import { toApiPlanNodeDetail } from "@/lib/api/present";
import { getPlanNode } from "@/lib/data/plan";

export const GET = withApiErrors(async (_request: Request, context: { params: Promise<{ path: string }> }) => {
  const params = parseParams(planPathParams, await context.params);
  if (!params.ok) return params.response;
  const node = await getPlanNode(params.data.path);
  if (!node) return apiError(404, "not_found", `No plan node at path "${params.data.path}".`);
  return apiJson(toApiPlanNodeDetail(node));
});
