import { apiJson } from "@/lib/api/http";
import { buildOpenApi } from "@/lib/api/openapi";

export function GET() {
  return apiJson(buildOpenApi(), { maxAge: 300 });
}
