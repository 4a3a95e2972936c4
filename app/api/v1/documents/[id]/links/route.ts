import { apiError, apiJson, parseParams, parseSearchParams, withApiErrors } from "@/lib/api/http";
import { documentLinksParams, documentLinksQuery } from "@/lib/api/link-schemas";
import { toApiLinkList } from "@/lib/api/present-links";
import { getDocument } from "@/lib/data/documents";
import { listLinksForDocument } from "@/lib/data/links";

export const GET = withApiErrors(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const params = parseParams(documentLinksParams, await context.params);
  if (!params.ok) return params.response;
  const query = parseSearchParams(documentLinksQuery, request.url);
  if (!query.ok) return query.response;
  const { id } = params.data;
  const [doc, links] = await Promise.all([
    getDocument(id),
    listLinksForDocument(id, { includeRejected: query.data.includeRejected }),
  ]);
  if (!doc) return apiError(404, "not_found", `No document with id "${id}".`);
  return apiJson(toApiLinkList(links));
});
