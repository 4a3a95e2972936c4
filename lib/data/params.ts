import { z } from "zod";
import { documentKindSchema, searchKindSchema } from "../kind-schemas";
import { loadTaxonomy } from "../topics/taxonomy";

/**
 * Control characters (C0, DEL, C1) and unpaired UTF-16 surrogates. PostgreSQL cannot even take a
 * NUL byte, and a lone surrogate cannot be encoded as UTF-8 at all: both would be a database error
 * (a 500) instead of an answer about the input.
 */
const CLEAN_TEXT = /^[^\p{Cc}\p{Cs}]*$/u;

/** Whether text from a request can go to the database as it is (no control characters, no lone surrogates). */
export const isCleanText = (s: string) => CLEAN_TEXT.test(s);

/**
 * The one schema for text from a URL or a request body (query and path parameters, ids): bounded,
 * free of control characters and lone surrogates, so strange input is a 4xx or a fallback rather
 * than a database error. `trim` trims before the length checks (a search box's text).
 */
export function textParam(max: number, { min = 0, trim = false }: { min?: number; trim?: boolean } = {}) {
  const base = trim ? z.string().trim() : z.string();
  return base
    .min(min, min === 1 ? "must not be empty" : undefined)
    .max(max)
    .regex(CLEAN_TEXT, "must not contain control characters or unpaired surrogates");
}

/** An id or other short text from a URL. The one such schema for pages, the proxy and the API. */
export const idParam = textParam(200, { min: 1 });

/**
 * A page's [id] path segment (Next hands it over percent-encoded), decoded and checked: null when
 * it does not decode or is no id, and the page answers notFound() instead of failing.
 */
export function idFromSegment(segment: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return null;
  }
  const parsed = idParam.safeParse(decoded);
  return parsed.success ? parsed.data : null;
}

/** How a document list is sorted: newest first, by title (pinyin), or by source and then its order there. */
export const DOCUMENT_SORTS = ["date", "title", "source"] as const;
export type DocumentSort = (typeof DOCUMENT_SORTS)[number];
export const documentSortSchema = z.enum(DOCUMENT_SORTS);

/**
 * Page URL parameters. Unlike the API (which answers 400), a page forgives a bad value by
 * falling back to the default: a mistyped link should still show something useful.
 */
export const listPageParams = z.object({
  source: idParam.optional().catch(undefined),
  person: idParam.optional().catch(undefined),
  /** A topic slug; one the taxonomy does not have is dropped by the page (app/_lib/document-routes.tsx). */
  topic: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,40}$/)
    .optional()
    .catch(undefined),
  sort: documentSortSchema.default("date").catch("date"),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});

/** ?hl= on a reading page: the search whose words are marked (as typed in the search box). */
const highlightParam = textParam(200, { trim: true }).optional().catch(undefined);

export const documentPageParams = z.object({
  view: z.enum(["text", "source"]).default("text").catch("text"),
  hl: highlightParam,
});

export const planPageParams = z.object({ hl: highlightParam });

/** /plan/targets: ?chapter= a chapter's path (1–2 digits); anything else shows every chapter. */
export const planTargetsPageParams = z.object({
  chapter: z
    .string()
    .regex(/^\d{1,2}$/)
    .optional()
    .catch(undefined),
});

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
  q: textParam(2000, { trim: true }).default("").catch(""),
  kind: searchKindSchema.optional().catch(undefined),
  source: idParam.optional().catch(undefined),
  person: idParam.optional().catch(undefined),
  year: z.coerce.number().int().min(1949).max(2100).optional().catch(undefined),
  /** A topic slug; an unknown one is dropped (the API answers 400). */
  topic: idParam
    .refine((s) => loadTaxonomy().some((t) => t.slug === s))
    .optional()
    .catch(undefined),
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
