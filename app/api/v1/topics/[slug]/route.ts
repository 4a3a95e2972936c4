import { apiError, apiJson, parseParams, withApiErrors } from "@/lib/api/http";
import { toApiTopicDetail } from "@/lib/api/present-topics";
import { topicParams } from "@/lib/api/topic-schemas";
import { getTopic } from "@/lib/data/topics";

export const GET = withApiErrors(async (_request: Request, context: { params: Promise<{ slug: string }> }) => {
  const raw = await context.params;
  const params = parseParams(topicParams, raw);
  // An unknown topic is a resource that does not exist: 404, like an unknown document id.
  if (!params.ok) return apiError(404, "not_found", `No topic "${raw.slug}".`);
  const topic = await getTopic(params.data.slug);
  if (!topic) return apiError(404, "not_found", `No topic "${params.data.slug}".`);
  return apiJson(toApiTopicDetail(topic));
});
