import { apiError, apiJson, parseParams, withApiErrors } from "@/lib/api/http";
import { linkParams } from "@/lib/api/link-schemas";
import { toApiLinkDetail } from "@/lib/api/present-links";
import { getLink } from "@/lib/data/links";

export const GET = withApiErrors(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const params = parseParams(linkParams, await context.params);
  if (!params.ok) return params.response;
  const link = await getLink(params.data.id);
  if (!link) return apiError(404, "not_found", `No link with id "${params.data.id}".`);
  return apiJson(toApiLinkDetail(link));
});
