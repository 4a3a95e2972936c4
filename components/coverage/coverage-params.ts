import { z } from "zod";
import { documentKindSchema } from "@/lib/kinds";

/**
 * /coverage's filters, as the CSV export of /api/v1/coverage names them (kind, source, status).
 * A page forgives a bad value by falling back to the default, as the other pages do.
 */
export const coveragePageParams = z.object({
  kind: documentKindSchema.optional().catch(undefined),
  source: z.string().max(200).optional().catch(undefined),
  status: z.enum(["visible", "confirmed"]).default("visible").catch("visible"),
});
export type CoveragePageParams = z.infer<typeof coveragePageParams>;

/** The filters as a query string (defaults left out), for links that keep them. */
export function coverageQuery(params: CoveragePageParams, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams(extra);
  if (params.kind) q.set("kind", params.kind);
  if (params.source) q.set("source", params.source);
  if (params.status !== "visible") q.set("status", params.status);
  return q.toString();
}
