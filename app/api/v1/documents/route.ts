import { apiJson, parseSearchParams, withApiErrors } from "@/lib/api/http";
import { documentsQuery } from "@/lib/api/schemas";
import { toApiDocumentList } from "@/lib/api/present";
import { listDocuments } from "@/lib/data/documents";

export const GET = withApiErrors(async (request: Request) => {
  const query = parseSearchParams(documentsQuery, request.url);
  if (!query.ok) return query.response;
  return apiJson(toApiDocumentList(await listDocuments(query.data)));
});
