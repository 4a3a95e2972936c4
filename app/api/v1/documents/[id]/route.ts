import { apiError, apiJson, parseParams, withApiErrors } from "@/lib/api/http";
import { idParams } from "@/lib/api/schemas";
import { toApiDocumentDetail } from "@/lib/api/present";
import { getDocument } from "@/lib/data/documents";

export const GET = withApiErrors(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const params = parseParams(idParams, await context.params);
  if (!params.ok) return params.response;
  const doc = await getDocument(params.data.id);
  if (!doc) return apiError(404, "not_found", `No document with id "${params.data.id}".`);
  return apiJson(toApiDocumentDetail(doc));
});
