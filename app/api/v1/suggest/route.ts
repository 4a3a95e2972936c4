import { apiJson, parseSearchParams, withApiErrors } from "@/lib/api/http";
import { suggestQuery } from "@/lib/api/schemas";
import { toApiSuggestions } from "@/lib/api/present";
import { suggest } from "@/lib/data/search";

export const GET = withApiErrors(async (request: Request) => {
  const parsed = parseSearchParams(suggestQuery, request.url);
  if (!parsed.ok) return parsed.response;
  return apiJson(toApiSuggestions(await suggest(parsed.data.q)));
});
