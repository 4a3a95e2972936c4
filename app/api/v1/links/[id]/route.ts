import { apiError, apiJson, parseJsonBody, parseParams, withApiErrors } from "@/lib/api/http";
import { linkParams, linkPatchBody } from "@/lib/api/link-schemas";
import { toApiLinkDetail } from "@/lib/api/present-links";
import { requireEditor } from "@/lib/auth/editor";
import { curationErrorResponse } from "@/lib/api/curation-errors";
import { listLinkEvents, reattachLink, updateLink } from "@/lib/data/curation";
import { getLink } from "@/lib/data/links";
import { getDb } from "@/lib/db";

type Context = { params: Promise<{ id: string }> };

async function detail(id: string, status = 200): Promise<Response> {
  const [link, history] = await Promise.all([getLink(id), listLinkEvents(getDb(), id)]);
  if (!link) return apiError(404, "not_found", `No link with id "${id}".`);
  return apiJson(toApiLinkDetail(link, history), { status });
}

export const GET = withApiErrors(async (_request: Request, context: Context) => {
  const params = parseParams(linkParams, await context.params);
  if (!params.ok) return params.response;
  return detail(params.data.id);
});

export const PATCH = withApiErrors(async (request: Request, context: Context) => {
  const editor = await requireEditor(request);
  if (editor instanceof Response) return editor;
  const params = parseParams(linkParams, await context.params);
  if (!params.ok) return params.response;
  const body = await parseJsonBody(linkPatchBody, request);
  if (!body.ok) return body.response;
  const { status, reattach } = body.data;
  const note = body.data.note === undefined ? undefined : body.data.note || null;
  try {
    if (reattach) await reattachLink(getDb(), params.data.id, reattach, editor, note);
    else await updateLink(getDb(), params.data.id, { status, note }, editor);
  } catch (error) {
    const response = curationErrorResponse(error);
    if (response) return response;
    throw error;
  }
  return detail(params.data.id);
});
