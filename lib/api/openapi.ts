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
import examples from "./examples.json" with { type: "json" };
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

/**
 * One endpoint's example, in ./examples.json (written by scripts/api-examples.ts from a running server,
 * checked against the schemas by tests/unit/api-examples.test.ts): the request's path and query
 * parameters, its body for a write, and the response (arrays cut to two items).
 */
export interface ApiExample {
  params: Record<string, string | number | boolean>;
  body?: unknown;
  response: unknown;
}

export const exampleKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

export const apiExamples = examples as Record<string, ApiExample>;

/** The path template with the example's path parameters filled in and the rest as the query. */
export function examplePath(template: string, params: ApiExample["params"]): string {
  const query = new URLSearchParams();
  let path = template;
  for (const [name, value] of Object.entries(params)) {
    if (path.includes(`{${name}}`)) path = path.replace(`{${name}}`, encodeURIComponent(String(value)));
    else query.set(name, String(value));
  }
  const q = query.toString();
  return q ? `${path}?${q}` : path;
}

interface ExampleOperation {
  parameters: { name: string; in: string; example?: string | number | boolean }[];
  requestBody?: { content: Record<string, { example?: unknown }> };
  security?: unknown[];
}

/** The curl line for an operation of the OpenAPI document, from the examples on its parameters and body. */
export function curlExample(origin: string, path: string, method: string, op: ExampleOperation): string {
  const params = Object.fromEntries(
    op.parameters.filter((p) => p.example !== undefined).map((p) => [p.name, p.example!]),
  );
  const url = `${origin}${examplePath(path, params)}`;
  const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
  const parts = ["curl"];
  if (method.toUpperCase() !== "GET") parts.push("-X", method.toUpperCase());
  if (op.security) parts.push("-H", quote("cookie: policy-explorer.session_token=…"), "-H", quote(`origin: ${origin}`));
  const body = op.requestBody?.content["application/json"]?.example;
  if (body !== undefined) parts.push("-H", quote("content-type: application/json"), "-d", quote(JSON.stringify(body)));
  parts.push(quote(url));
  return parts.join(" ");
}

const ref = (schema: z.ZodType) => {
  const meta = apiSchemas.get(schema);
  if (!meta) throw new Error("response schemas must be registered in apiSchemas");
  return { $ref: `#/components/schemas/${meta.id}` };
};

function parameters(schema: z.ZodObject | undefined, where: "query" | "path", example: ApiExample | undefined) {
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
      ...(example?.params[name] === undefined ? {} : { example: example.params[name] }),
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
    const example = apiExamples[exampleKey(method, e.path)];
    paths[e.path] = {
      ...(paths[e.path] as Record<string, unknown> | undefined),
      [method]: {
        summary: e.summary,
        parameters: [...parameters(e.pathParams, "path", example), ...parameters(e.query, "query", example)],
        ...(e.body
          ? {
              requestBody: {
                required: true,
                content: {
                  "application/json": {
                    schema: ref(e.body),
                    ...(example?.body === undefined ? {} : { example: example.body }),
                  },
                },
              },
            }
          : {}),
        ...(e.editor ? { security: [{ editorSession: [] }] } : {}),
        responses: {
          [e.status ?? 200]: {
            description: e.status === 201 ? "Created" : "OK",
            content: {
              "application/json": {
                schema: ref(e.response),
                ...(example ? { example: example.response } : {}),
              },
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
