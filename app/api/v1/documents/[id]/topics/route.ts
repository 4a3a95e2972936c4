import { apiError, apiJson, parseJsonBody, parseParams, withApiErrors } from "@/lib/api/http";
import { curationErrorResponse } from "@/lib/api/curation-errors";
import { toApiDocumentTopics } from "@/lib/api/present-topics";
import { documentTopicsParams, topicDecisionBody } from "@/lib/api/topic-schemas";
import { requireEditor } from "@/lib/auth/editor";
import { getDocumentTopics } from "@/lib/data/topics";
import { decideDocumentTopic, listDocumentTopicEvents } from "@/lib/data/topics-curation";
import { getDb } from "@/lib/db";

type Context = { params: Promise<{ id: string }> };

async function view(id: string): Promise<Response> {
  const exists = await getDb().document.findUnique({ where: { id }, select: { id: true } });
  if (!exists) return apiError(404, "not_found", `No document with id "${id}".`);
  const [topics, history] = await Promise.all([getDocumentTopics(id), listDocumentTopicEvents(getDb(), id)]);
  return apiJson(toApiDocumentTopics(topics, history));
}

export const GET = withApiErrors(async (_request: Request, context: Context) => {
  const params = parseParams(documentTopicsParams, await context.params);
  if (!params.ok) return params.response;
  return view(params.data.id);
});

export const POST = withApiErrors(async (request: Request, context: Context) => {
  const editor = await requireEditor(request);
  if (editor instanceof Response) return editor;
  const params = parseParams(documentTopicsParams, await context.params);
  if (!params.ok) return params.response;
  const body = await parseJsonBody(topicDecisionBody, request);
  if (!body.ok) return body.response;
  try {
    await decideDocumentTopic(
      getDb(),
      { documentId: params.data.id, topic: body.data.topic, action: body.data.action, note: body.data.note || null },
      editor,
    );
  } catch (error) {
    const response = curationErrorResponse(error);
    if (response) return response;
    throw error;
  }
  return view(params.data.id);
});
