import { apiError, apiJson, parseJsonBody, withApiErrors } from "@/lib/api/http";
import { curationErrorResponse } from "@/lib/api/curation-errors";
import { linkCreateBody } from "@/lib/api/link-schemas";
import { toApiLinkDetail } from "@/lib/api/present-links";
import { requireEditor } from "@/lib/auth/editor";
import { addLink, listLinkEvents } from "@/lib/data/curation";
import { getLink } from "@/lib/data/links";
import { getDb } from "@/lib/db";

export const POST = withApiErrors(async (request: Request) => {
  const editor = await requireEditor(request);
  if (editor instanceof Response) return editor;
  const body = await parseJsonBody(linkCreateBody, request);
  if (!body.ok) return body.response;
  let id: string;
  try {
    id = await addLink(getDb(), { ...body.data, note: body.data.note || null }, editor);
  } catch (error) {
    const response = curationErrorResponse(error);
    if (response) return response;
    throw error;
  }
  const [link, history] = await Promise.all([getLink(id), listLinkEvents(getDb(), id)]);
  if (!link) return apiError(500, "internal_error", "The link was written but cannot be read back.");
  return apiJson(toApiLinkDetail(link, history), { status: 201 });
});
