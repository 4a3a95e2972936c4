/**
 * The public API's contract (v1): the zod schemas routes validate with, and from which
 * /api/v1/openapi.json is generated. Change a schema here and the document follows.
 */
import { z } from "zod";
import { documentSortSchema, idParam, textParam } from "../data/params";
import { MATCH_VIA } from "../search/match";
import { RELATIONS } from "../search/thesaurus";
import { documentKindSchema, searchKindSchema } from "../kind-schemas";
import { describeKinds, DOCUMENT_KINDS, SEARCH_KINDS } from "../kinds";
import { loadTaxonomy } from "../topics/taxonomy";

export const apiSchemas = z.registry<{ id: string; description?: string }>();

/** Every text parameter goes through the one text schema (lib/data/params): no control characters, no lone surrogates. */
const id = idParam;
export const targetKind = z.enum(["goal", "target", "achievement"]);

// ---- query and path parameters ----------------------------------------------------------
export const pageParams = {
  page: z.coerce.number().int().min(1).default(1).describe("Page number, from 1"),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe("Items per page, 1–100"),
};

/** A topic slug of the taxonomy (GET /api/v1/topics lists them); anything else is a 400. */
export const topicSlugParam = z
  .string()
  .max(60)
  .refine((s) => loadTaxonomy().some((t) => t.slug === s), { message: "unknown topic (see /api/v1/topics)" });

export const documentsQuery = z
  .object({
    kind: documentKindSchema.optional().describe(describeKinds(DOCUMENT_KINDS)),
    source: id.optional().describe("Source id, e.g. daxing-cppcc-2023-speeches"),
    person: id.optional().describe("Person id"),
    topic: topicSlugParam.optional().describe("Topic slug, e.g. ecology: only documents on this topic"),
    sort: documentSortSchema
      .default("date")
      .describe("date: newest first (default); title: by title in pinyin order; source: by source, then in its order"),
    ...pageParams,
  })
  .strict();

export const idParams = z.object({ id: id.describe("Identifier") }).strict();
export const planPathParams = z
  .object({
    path: z
      .string()
      .regex(/^\d{1,2}(\.\d{1,2}){0,2}$/, "a plan path such as 3, 3.2 or 3.2.1 (0 is the preface)")
      .describe("Plan path"),
  })
  .strict();
export const targetsQuery = z.object({ kind: targetKind.optional().describe("goal, target or achievement") }).strict();

// ---- responses --------------------------------------------------------------------------
export const apiErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .register(apiSchemas, { id: "Error", description: "Body of every 4xx/5xx response" });

export const speakerSchema = z
  .object({ personId: z.string(), name: z.string(), role: z.string().nullable(), affiliation: z.string().nullable() })
  .register(apiSchemas, { id: "Speaker" });

export const documentTopicSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    score: z.number().describe("0–1: how strongly the document is on the topic (1 for an editor's own topic)"),
    origin: z.enum(["machine", "editor"]).describe("machine: the automatic assignment; editor: added by an editor"),
  })
  .register(apiSchemas, { id: "DocumentTopic" });

export const documentSchema = z
  .object({
    id: z.string(),
    kind: documentKindSchema,
    title: z.string(),
    url: z.string().describe("Path of the document's page"),
    date: z.string().nullable().describe("YYYY, YYYY-MM or YYYY-MM-DD: as precise as the source"),
    source: z.object({ file: z.string(), title: z.string(), lineStart: z.number().int(), lineEnd: z.number().int() }),
    speakers: z.array(speakerSchema),
    topics: z
      .array(documentTopicSchema)
      .describe("The document's topics, best first: the automatic assignment with editors' decisions applied"),
  })
  .register(apiSchemas, { id: "Document" });

export const paragraphSchema = z
  .object({
    id: z.string(),
    n: z.number().int(),
    text: z.string(),
    headingLevel: z.number().int().nullable(),
    lineStart: z.number().int(),
    lineEnd: z.number().int(),
  })
  .register(apiSchemas, { id: "Paragraph" });

export const documentDetailSchema = documentSchema
  .extend({ paragraphs: z.array(paragraphSchema) })
  .register(apiSchemas, { id: "DocumentDetail" });

export const documentExtractSchema = z
  .object({
    text: z.string().describe("One or two sentences"),
    n: z.number().int().describe("The paragraph it starts at"),
    url: z.string().describe("Path of that paragraph on the document's page"),
    basis: z
      .enum(["recommendation", "abstract"])
      .describe("recommendation: the document's first recommendation; abstract: its first paragraph of substance"),
  })
  .register(apiSchemas, { id: "DocumentExtract" });

export const documentListItemSchema = documentSchema
  .extend({ extract: documentExtractSchema.nullable() })
  .register(apiSchemas, { id: "DocumentListItem" });

export const documentListSchema = z
  .object({
    items: z.array(documentListItemSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .register(apiSchemas, { id: "DocumentList" });

export const planTargetSchema = z
  .object({
    id: z.string(),
    kind: targetKind,
    path: z.string(),
    text: z.string(),
    indicator: z.string().nullable(),
    value: z.string().nullable(),
    unit: z.string().nullable(),
    year: z.number().int().nullable(),
    lineStart: z.number().int(),
  })
  .register(apiSchemas, { id: "PlanTarget" });

export interface PlanNodeOut {
  path: string;
  level: number;
  number: string | null;
  title: string;
  children: PlanNodeOut[];
}
export const planNodeSchema: z.ZodType<PlanNodeOut> = z
  .object({
    path: z.string(),
    level: z.number().int().describe("0 = preface, 1 = chapter, 2 = section, 3 = subsection"),
    number: z.string().nullable(),
    title: z.string(),
    get children() {
      return z.array(planNodeSchema);
    },
  })
  .register(apiSchemas, { id: "PlanNode" });

export const planSchema = z
  .object({ title: z.string(), metadata: z.record(z.string(), z.string()), nodes: z.array(planNodeSchema) })
  .register(apiSchemas, { id: "Plan" });

export interface PlanNodeDetailOut {
  path: string;
  level: number;
  number: string | null;
  title: string;
  paragraphs: z.infer<typeof paragraphSchema>[];
  targets: z.infer<typeof planTargetSchema>[];
  figures: { name: string; fileName: string; missing: boolean }[];
  children: PlanNodeDetailOut[];
}
export const planNodeDetailSchema: z.ZodType<PlanNodeDetailOut> = z
  .object({
    path: z.string(),
    level: z.number().int(),
    number: z.string().nullable(),
    title: z.string(),
    paragraphs: z.array(paragraphSchema),
    targets: z.array(planTargetSchema),
    figures: z.array(z.object({ name: z.string(), fileName: z.string(), missing: z.boolean() })),
    get children() {
      return z.array(planNodeDetailSchema);
    },
  })
  .register(apiSchemas, { id: "PlanNodeDetail" });

export const targetListSchema = z
  .object({ items: z.array(planTargetSchema) })
  .register(apiSchemas, { id: "PlanTargetList" });

export const personSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    documents: z.array(
      z.object({
        id: z.string(),
        kind: documentKindSchema,
        title: z.string(),
        url: z.string(),
        role: z.string().nullable(),
        affiliation: z.string().nullable(),
        date: z.string().nullable(),
      }),
    ),
  })
  .register(apiSchemas, { id: "Person" });

// ---- search -------------------------------------------------------------------------------
export const searchQuery = z
  .object({
    q: textParam(2000, { min: 1, trim: true }).describe(
      'Query: words (results with all of them first, then those with most: partial matches), "exact phrase" (a quoted single character matches it anywhere), -exclude, OR',
    ),
    kind: searchKindSchema.optional().describe(describeKinds(SEARCH_KINDS)),
    source: id.optional().describe("Source id"),
    person: id.optional().describe("Person id"),
    year: z.coerce.number().int().min(1949).max(2100).optional().describe("Year of the source"),
    topic: topicSlugParam.optional().describe("Topic slug, e.g. ecology: only documents and plan nodes on this topic"),
    sort: z.enum(["relevance", "date"]).default("relevance").describe("relevance or date"),
    page: pageParams.page,
    pageSize: z.coerce.number().int().min(1).max(50).default(20).describe("Hits per page, 1–50"),
    format: z.enum(["json", "csv"]).optional().describe("Export every hit (not just this page) as json or csv"),
  })
  .strict();

const highlightRange = z.tuple([z.number().int(), z.number().int()]);

export const searchHitSchema = z
  .object({
    kind: searchKindSchema,
    documentId: z.string().nullable(),
    planPath: z.string().nullable(),
    title: z.string(),
    url: z.string(),
    paragraphId: z.string(),
    snippet: z.object({ text: z.string(), highlights: z.array(highlightRange) }),
    matchedTerms: z.array(z.string()).describe("The query terms this hit matched in any way (kept for compatibility)"),
    matches: z
      .array(
        z.object({
          term: z.string().describe("The query term, as typed"),
          via: z
            .enum(MATCH_VIA)
            .describe(
              "text: the passages hold it; title: the title (or speakers, office) does; context: only the headings around the passages; synonym / thesaurus: an expansion of it occurs; partial: some of its words occur; feedback: found through the first results",
            ),
          expansion: z
            .string()
            .nullable()
            .describe("What was found instead of the term: the expansion, or the words found (space-separated)"),
          relation: z
            .enum(RELATIONS)
            .optional()
            .describe("For synonym and thesaurus matches: how the expansion relates to the term"),
        }),
      )
      .describe("How the hit matched, term by term"),
    missingTerms: z.array(z.string()).describe("Query words this hit lacks (a partial match when not empty)"),
    score: z.number(),
  })
  .register(apiSchemas, { id: "SearchHit" });

const counts = z.record(z.string(), z.number().int());
export const searchResultSchema = z
  .object({
    total: z.number().int(),
    complete: z
      .number()
      .int()
      .describe("How many of the total hold every word of the query; the rest are partial matches"),
    hits: z.array(searchHitSchema),
    facets: z.object({ kind: counts, source: counts, person: counts, year: counts, topic: counts }),
    related: z.array(z.string()).describe("With no or few results: related searches (thesaurus and corpus)"),
  })
  .register(apiSchemas, { id: "SearchResult" });

export const suggestQuery = z
  .object({ q: textParam(100, { min: 1, trim: true }).describe("What has been typed so far") })
  .strict();
export const suggestionsSchema = z
  .object({
    items: z.array(z.object({ type: z.enum(["document", "person", "plan"]), label: z.string(), url: z.string() })),
  })
  .register(apiSchemas, { id: "Suggestions" });
