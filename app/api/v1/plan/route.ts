import { apiError, apiJson, withApiErrors } from "@/lib/api/http";
import { toApiPlan } from "@/lib/api/present";
import { getPlanOutline } from "@/lib/data/plan";

export const GET = withApiErrors(async (request: Request) => {
  void request.url; // read per request: the plan changes when the corpus is re-ingested
  const plan = await getPlanOutline();
  if (!plan) return apiError(404, "not_found", "No plan has been ingested.");
  return apiJson(toApiPlan(plan));
});
