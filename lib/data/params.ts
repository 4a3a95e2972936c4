import { z } from "zod";
import { documentKindSchema, searchKindSchema } from "../kinds";

/**
 * An id or other short text from a URL: bounded, and free of control characters (PostgreSQL cannot
 * even take a NUL byte), so strange input is a 4xx or a fallback rather than a database error.
 * The one such schema for pages, the proxy and the API.
 */
export const idParam = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\u0000-\u001f\u007f]+$/u, "must not contain control characters");

/**
 * Page URL parameters. Unlike the API (which answers 400), a page forgives a bad value by
 * falling back to the default: a mistyped link should still show something useful.
 */
export const listPageParams = z.object({
  source: z.string().max(200).optional().catch(undefined),
  person: z.string().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});

/** ?hl= on a reading page: the search whose words are marked (as typed in the search box). */
const highlightParam = z.string().trim().max(200).optional().catch(undefined);

export const documentPageParams = z.object({
  view: z.enum(["text", "source"]).default("text").catch("text"),
  hl: highlightParam,
});

export const planPageParams = z.object({ hl: highlightParam });

/** /plan/[chapter]: a top-level outline path, 0 (the preface) to a two-digit chapter. */
export const planChapterParams = z.object({ chapter: z.string().regex(/^\d{1,2}$/) });

export type SearchParamsInput = Promise<Record<string, string | string[] | undefined>>;

/** Next's searchParams with repeated keys reduced to the last value. */
export async function flatSearchParams(input: SearchParamsInput): Promise<Record<string, string>> {
  const raw = await input;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    const value = Array.isArray(v) ? v[v.length - 1] : v;
    if (value !== undefined && value !== "") out[k] = value;
  }
  return out;
}

export const searchPageParams = z.object({
  q: z.string().trim().max(2000).default("").catch(""),
  kind: searchKindSchema.optional().catch(undefined),
  source: z.string().max(200).optional().catch(undefined),
  person: z.string().max(200).optional().catch(undefined),
  year: z.coerce.number().int().min(1949).max(2100).optional().catch(undefined),
  sort: z.enum(["relevance", "date"]).default("relevance").catch("relevance"),
  page: z.coerce.number().int().min(1).max(500).default(1).catch(1),
});
export type SearchPageParams = z.infer<typeof searchPageParams>;

/** Result groups per page of /search. */
export const SEARCH_PAGE_SIZE = 20;

/**
 * /coverage's filters, named as /api/v1/coverage names them (kind, source, status). A bad value
 * falls back to the default, as on the other pages; a control character never reaches the database.
 */
export const coveragePageParams = z.object({
  kind: documentKindSchema.optional().catch(undefined),
  source: idParam.optional().catch(undefined),
  status: z.enum(["visible", "confirmed"]).default("visible").catch("visible"),
});
export type CoveragePageParams = z.infer<typeof coveragePageParams>;
