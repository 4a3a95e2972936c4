import { apiJson, withApiErrors } from "@/lib/api/http";
import { toApiTopicList } from "@/lib/api/present-topics";
import { listTopics } from "@/lib/data/topics";

export const GET = withApiErrors(async () => apiJson(toApiTopicList(await listTopics())));
