import { apiError, apiJson, parseParams, parseSearchParams, withApiErrors } from "@/lib/api/http";
import { planNodeLinksParams, planNodeLinksQuery } from "@/lib/api/link-schemas";
import { toApiPlanNodeLinkList } from "@/lib/api/present-links";
import { listLinksForPlanNode } from "@/lib/data/links";
import { getPlanNode } from "@/lib/data/plan";

export const GET = withApiErrors(async (request: Request, context: { params: Promise<{ path: string }> }) => {
  const params = parseParams(planNodeLinksParams, await context.params);
  if (!params.ok) return params.response;
  const query = parseSearchParams(planNodeLinksQuery, request.url);
  if (!query.ok) return query.response;
  const { path } = params.data;
  const [node, links] = await Promise.all([getPlanNode(path), listLinksForPlanNode(path, query.data)]);
  if (!node) return apiError(404, "not_found", `No plan node at path "${path}".`);
  return apiJson(toApiPlanNodeLinkList(links));
});
