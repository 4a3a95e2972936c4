import { apiError, apiJson, parseParams, withApiErrors } from "@/lib/api/http";
import { idParams } from "@/lib/api/schemas";
import { toApiPerson } from "@/lib/api/present";
import { getPerson } from "@/lib/data/people";

export const GET = withApiErrors(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const params = parseParams(idParams, await context.params);
  if (!params.ok) return params.response;
  const person = await getPerson(params.data.id);
  if (!person) return apiError(404, "not_found", `No person with id "${params.data.id}".`);
  return apiJson(toApiPerson(person));
});
