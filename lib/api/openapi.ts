/**
 * The OpenAPI 3.1 document, generated from the zod schemas in ./schemas (JSON Schema 2020-12,
 * which OpenAPI 3.1 uses as is). Nothing here restates a field by hand.
 */
import { z } from "zod";
import {
  apiSchemas,
  documentDetailSchema,
  documentListSchema,
  documentsQuery,
  idParams,
  personSchema,
  planNodeDetailSchema,
  planPathParams,
  planSchema,
  searchQuery,
  searchResultSchema,
  suggestQuery,
  suggestionsSchema,
  targetListSchema,
  targetsQuery,
} from "./schemas";
import { linkEndpoints } from "./link-schemas";
import { topicEndpoints } from "./topic-schemas";

export interface Endpoint {
  path: string;
  /** GET unless said otherwise. */
  method?: "get" | "post" | "patch";
  summary: string;
  /** A JSON request body, registered in apiSchemas. */
  body?: z.ZodType;
  /** The success status, 200 unless said otherwise. */
  status?: number;
  /** A write for signed-in editors: session cookie, same-origin request; 401/403/409 documented. */
  editor?: boolean;
  query?: z.ZodObject;
  pathParams?: z.ZodObject;
  response: z.ZodType;
  notFound?: boolean;
  /** Set when the endpoint also answers text/csv (format=csv): what the CSV holds. */
  csv?: string;
}

export const endpoints: Endpoint[] = [
  {
    path: "/api/v1/documents",
    summary: "List speeches, proposals and reports",
    query: documentsQuery,
    response: documentListSchema,
  },
  {
    path: "/api/v1/documents/{id}",
    summary: "One document with its paragraphs",
    pathParams: idParams,
    response: documentDetailSchema,
    notFound: true,
  },
  { path: "/api/v1/plan", summary: "The plan's outline and metadata", response: planSchema, notFound: true },
  {
    path: "/api/v1/plan/nodes/{path}",
    summary: "One plan node with its paragraphs, targets and children",
    pathParams: planPathParams,
    response: planNodeDetailSchema,
    notFound: true,
  },
  {
    path: "/api/v1/plan/targets",
    summary: "Goals, targets and achievements of the plan",
    query: targetsQuery,
    response: targetListSchema,
  },
  {
    path: "/api/v1/people/{id}",
    summary: "A person and their documents",
    pathParams: idParams,
    response: personSchema,
    notFound: true,
  },
  {
    path: "/api/v1/search",
    summary: "Full-text search across speeches, proposals, reports and the plan",
    query: searchQuery,
    response: searchResultSchema,
  },
  {
    path: "/api/v1/suggest",
    summary: "Titles, people and plan nodes for what has been typed",
    query: suggestQuery,
    response: suggestionsSchema,
  },
  ...linkEndpoints,
  ...topicEndpoints,
];

const ref = (schema: z.ZodType) => {
  const meta = apiSchemas.get(schema);
  if (!meta) throw new Error("response schemas must be registered in apiSchemas");
  return { $ref: `#/components/schemas/${meta.id}` };
};

function parameters(schema: z.ZodObject | undefined, where: "query" | "path") {
  if (!schema) return [];
  return Object.entries(schema.shape).map(([name, field]) => {
    const json = z.toJSONSchema(field as z.ZodType, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
    delete json.$schema;
    const { description, ...rest } = json;
    return {
      name,
      in: where,
      required: where === "path" || !(field as z.ZodType).safeParse(undefined).success,
      description,
      schema: rest,
    };
  });
}

let cached: Record<string, unknown> | null = null;

export function buildOpenApi(): Record<string, unknown> {
  if (cached) return cached;
  const { schemas } = z.toJSONSchema(apiSchemas, { uri: (id) => `#/components/schemas/${id}`, io: "output" }) as {
    schemas: Record<string, Record<string, unknown>>;
  };
  for (const s of Object.values(schemas)) delete s.$schema;
  const errorResponse = (description: string) => ({
    description,
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  });
  const paths: Record<string, unknown> = {};
  for (const e of endpoints) {
    const method = e.method ?? "get";
    paths[e.path] = {
      ...(paths[e.path] as Record<string, unknown> | undefined),
      [method]: {
        summary: e.summary,
        parameters: [...parameters(e.pathParams, "path"), ...parameters(e.query, "query")],
        ...(e.body
          ? { requestBody: { required: true, content: { "application/json": { schema: ref(e.body) } } } }
          : {}),
        ...(e.editor ? { security: [{ editorSession: [] }] } : {}),
        responses: {
          [e.status ?? 200]: {
            description: e.status === 201 ? "Created" : "OK",
            content: {
              "application/json": { schema: ref(e.response) },
              ...(e.csv ? { "text/csv": { schema: { type: "string", description: e.csv } } } : {}),
            },
          },
          ...(e.query || e.pathParams || e.body ? { 400: errorResponse("Invalid parameters or body") } : {}),
          ...(e.editor
            ? {
                401: errorResponse("No editor session (unauthenticated)"),
                403: errorResponse("Cross-site request (cross_site) or disabled editor (forbidden)"),
                409: errorResponse("Conflicts with the link's state (conflict)"),
                415: errorResponse("The body is not application/json"),
                413: errorResponse("The body is larger than 64 kB"),
              }
            : {}),
          ...(e.notFound ? { 404: errorResponse("Not found") } : {}),
        },
      },
    };
  }
  cached = {
    openapi: "3.1.0",
    info: {
      title: "政策对照 Policy Proposal Explorer API",
      version: "1.0.0",
      description:
        "JSON API over the corpus and its cross-links. Reads are public; writes (POST/PATCH on links) need a signed-in editor's session cookie and a same-origin request. Lists take page (from 1) and pageSize; errors are { error: { code, message } } with a 4xx status.",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    paths,
    components: {
      schemas,
      securitySchemes: {
        editorSession: {
          type: "apiKey",
          in: "cookie",
          name: "policy-explorer.session_token",
          description: "Set by signing in at /login (editors only)",
        },
      },
    },
  };
  return cached;
}
