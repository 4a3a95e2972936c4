/**
 * The public API's contract for topics (v1): the taxonomy with counts and attention shares, one
 * topic with its documents and plan nodes, a document's topics with their evidence and history, and
 * editors' topic decisions. Registered in the same registry as ./schemas; the endpoints are joined
 * into /api/v1/openapi.json by ./openapi.
 */
import { z } from "zod";
import { idParam } from "../data/params";
import { documentKindSchema } from "../kind-schemas";
import type { Endpoint } from "./openapi";
import { apiSchemas, topicSlugParam } from "./schemas";

export const topicParams = z.object({ slug: topicSlugParam.describe("Topic slug") }).strict();
export const documentTopicsParams = z.object({ id: idParam.describe("Document id") }).strict();

const byKind = (description: string) =>
  z.object({ speech: z.number(), proposal: z.number(), report: z.number(), plan: z.number() }).describe(description);

export const topicSummarySchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    parent: z.string().nullable().describe("A broader topic's slug"),
    url: z.string().describe("Path of the topic's page"),
    counts: byKind("Documents of each kind on the topic, and plan sections and subsections (plan)"),
    attention: byKind(
      "Share (0–1) of each kind's attention given to the topic (each document shared among its topics by score), and of the plan's text (plan)",
    ),
  })
  .register(apiSchemas, { id: "TopicSummary" });

export const topicListSchema = z
  .object({ items: z.array(topicSummarySchema) })
  .register(apiSchemas, { id: "TopicList", description: "Every topic of the taxonomy, in its order" });

const passageSchema = z
  .object({ paragraphId: z.string(), n: z.number().int(), text: z.string(), url: z.string() })
  .nullable()
  .describe("The passage that shows the topic best");

export const topicDetailSchema = topicSummarySchema
  .extend({
    feedUrl: z.string().describe("Atom feed of the topic's documents"),
    planNodes: z
      .array(
        z.object({
          path: z.string(),
          kind: z.string(),
          label: z.string(),
          url: z.string(),
          score: z.number(),
          terms: z.array(z.string()).describe("Defining terms found"),
          passage: passageSchema,
          targets: z.array(z.object({ id: z.string(), kind: z.string(), text: z.string() })),
        }),
      )
      .describe("Plan sections and subsections on the topic, in plan order"),
    documents: z
      .array(
        z.object({
          id: z.string(),
          kind: documentKindSchema,
          title: z.string(),
          url: z.string(),
          date: z.string().nullable(),
          score: z.number(),
          origin: z.enum(["machine", "editor"]),
          terms: z.array(z.string()),
          passage: passageSchema,
          speakers: z.array(z.object({ personId: z.string(), name: z.string() })),
        }),
      )
      .describe("Speeches, proposals and reports on the topic, best first"),
    people: z.array(z.object({ personId: z.string(), name: z.string(), documents: z.number().int() })),
  })
  .register(apiSchemas, { id: "TopicDetail" });

export const TOPIC_ACTIONS = ["add", "remove", "reset"] as const;

export const topicEventSchema = z
  .object({
    id: z.string(),
    topic: z.string(),
    action: z.enum(TOPIC_ACTIONS).describe("add, remove, or reset (back to the automatic assignment)"),
    actorName: z.string(),
    at: z.string(),
    note: z.string().nullable(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
  })
  .register(apiSchemas, { id: "TopicEvent", description: "One editorial change to a document's topics" });

export const documentTopicsSchema = z
  .object({
    items: z.array(
      z.object({
        slug: z.string(),
        name: z.string(),
        score: z.number(),
        origin: z.enum(["machine", "editor"]),
        terms: z.array(z.string()),
        paragraphN: z.number().int().nullable().describe("The passage that shows the topic best (#p-n)"),
      }),
    ),
    passages: z
      .array(z.object({ paragraphId: z.string(), topics: z.array(z.string()) }))
      .describe("Each passage on one of the document's topics, with those topics"),
    history: z.array(topicEventSchema),
  })
  .register(apiSchemas, { id: "DocumentTopics" });

export const topicDecisionBody = z
  .strictObject({
    topic: topicSlugParam.describe("Topic slug"),
    action: z.enum(TOPIC_ACTIONS).describe("add, remove, or reset to the automatic assignment"),
    note: z
      .string()
      .trim()
      .max(2000)
      .regex(/^[^\u0000]*$/u, "must not contain NUL")
      .nullable()
      .optional()
      .describe("Why: kept in the history"),
  })
  .register(apiSchemas, { id: "TopicDecisionInput", description: "An editor's decision on one topic of a document" });

export const topicEndpoints: Endpoint[] = [
  {
    path: "/api/v1/topics",
    summary: "Every topic with counts by kind and attention shares",
    response: topicListSchema,
  },
  {
    path: "/api/v1/topics/{slug}",
    summary: "One topic with its plan sections, documents (scores and best passages) and people",
    pathParams: topicParams,
    response: topicDetailSchema,
    notFound: true,
  },
  {
    path: "/api/v1/documents/{id}/topics",
    summary: "A document's topics with their evidence, its passages' topics and the editors' history",
    pathParams: documentTopicsParams,
    response: documentTopicsSchema,
    notFound: true,
  },
  {
    path: "/api/v1/documents/{id}/topics",
    method: "post",
    summary: "Add or remove a topic on a document, or reset it to the automatic assignment (editors only)",
    pathParams: documentTopicsParams,
    body: topicDecisionBody,
    response: documentTopicsSchema,
    notFound: true,
    editor: true,
  },
];
