/**
 * The public API's contract for cross-links (v1): which plan nodes and targets a document
 * addresses, who addresses a plan node, one link, and the coverage of the plan. Registered in the
 * same registry as ./schemas, so /api/v1/openapi.json carries them; the endpoints are listed at the
 * end and joined into the document's paths by ./openapi.
 */
import { z } from "zod";
import { LinkBand, LinkOrigin, LinkStatus, PlanNodeKind } from "../generated/prisma/enums";
import { documentKindSchema } from "../kind-schemas";
import { describeKinds, DOCUMENT_KINDS } from "../kinds";
import type { Endpoint } from "./openapi";
import { idParam } from "../data/params";
import { apiSchemas, planPathParams, targetKind } from "./schemas";

// ---- parameters -----------------------------------------------------------------------------

/** "true" or "false" in a query string (z.coerce.boolean would read "false" as true). */
const flag = (defaultValue: boolean, description: string) =>
  z
    .enum(["true", "false"])
    .default(defaultValue ? "true" : "false")
    .transform((v) => v === "true")
    .describe(description);

const includeRejected = flag(
  false,
  "Also list links an editor rejected (kept for the record, hidden by default); their status is rejected",
);

export const documentLinksParams = z.object({ id: idParam.describe("Document id") }).strict();
export const documentLinksQuery = z.object({ includeRejected }).strict();

export const planNodeLinksParams = planPathParams;
export const planNodeLinksQuery = z
  .object({
    descendants: flag(
      true,
      "true (default): links to this node and to every node below it (a chapter lists its sections' and subsections' links); false: links to this very node only",
    ),
    includeRejected,
  })
  .strict();

export const linkParams = z.object({ id: idParam.describe("Link id") }).strict();

export const coverageQuery = z
  .object({
    kind: documentKindSchema.optional().describe(`Only documents of this kind: ${describeKinds(DOCUMENT_KINDS)}`),
    source: idParam.optional().describe("Only documents of this source id"),
    status: z
      .enum(["visible", "confirmed"])
      .default("visible")
      .describe("visible (default): suggested and confirmed links count; confirmed: confirmed links only"),
    format: z
      .enum(["json", "csv"])
      .default("json")
      .describe(
        "json (default), or csv: text/csv, UTF-8 with a BOM, a header row, then one row per chapter and section with one column per document group and a total",
      ),
  })
  .strict();

// ---- responses --------------------------------------------------------------------------------

/** The stored statuses, and orphaned: what readers see of a link whose anchors were lost (ADR 0005). */
export const linkStatusSchema = z
  .enum([...Object.values(LinkStatus), "orphaned"])
  .describe(
    "suggested by the linker, confirmed or rejected by an editor, or orphaned: an anchor (document, plan node, target or evidence passage) was lost when the corpus changed, and the link waits for an editor",
  );

export const linkEvidenceSchema = z
  .object({
    paragraphId: z.string().nullable().describe("The document's paragraph; null while the link is orphaned"),
    paragraphN: z.number().int().nullable().describe("Its number in the document (the page's #p-n anchor)"),
    quote: z.string().describe("The document's passage as it read when the link was made"),
    planParagraphId: z.string().nullable().describe("The plan's paragraph; null while the link is orphaned"),
    planParagraphPath: z.string().nullable().describe("The plan node that paragraph belongs to"),
    planParagraphN: z.number().int().nullable(),
    planQuote: z.string(),
    terms: z.array(z.string()).describe("Key terms the two passages share"),
    score: z.number(),
  })
  .register(apiSchemas, { id: "LinkEvidence", description: "A pair of passages behind a link" });

export const linkSchema = z
  .object({
    id: z.string(),
    documentId: z.string(),
    planPath: z.string().describe("The plan node; for a target, the node it sits in"),
    planNodeLabel: z.string(),
    planUrl: z.string().describe("Path of the plan node on its chapter's page"),
    targetId: z.string().nullable().describe("Set when the link is to one goal or target of the node"),
    targetText: z.string().nullable(),
    targetKind: targetKind.nullable(),
    score: z.number(),
    band: z.enum(LinkBand),
    status: linkStatusSchema,
    origin: z.enum(LinkOrigin),
    method: z.string(),
    methodVersion: z.string(),
    note: z.string().nullable().describe("An editor's note"),
    decidedBy: z.string().nullable().describe("The editor who last confirmed, rejected, added or annotated it"),
    decidedAt: z.string().nullable().describe("When an editor confirmed or rejected it (ISO 8601)"),
    orphanReason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    compareUrl: z.string().describe("Path of the side-by-side view of the document and the plan node"),
    evidence: z.array(linkEvidenceSchema).describe("Best passage pairs first"),
  })
  .register(apiSchemas, {
    id: "Link",
    description: "A claim that a document addresses a plan node, or one goal or target in it",
  });

export const linkListSchema = z.object({ items: z.array(linkSchema) }).register(apiSchemas, {
  id: "LinkList",
  description: "Confirmed first, then suggested, orphaned and rejected; by score",
});

export const linkedDocumentSchema = z
  .object({
    id: z.string(),
    kind: documentKindSchema.nullable().describe("Null when the document is gone since (the link is orphaned)"),
    title: z.string(),
    url: z.string().nullable(),
    date: z.string().nullable(),
    sourceId: z.string(),
    sourceTitle: z.string(),
    speakers: z.array(z.object({ personId: z.string(), name: z.string() })),
  })
  .register(apiSchemas, { id: "LinkedDocument" });

export const planNodeLinkSchema = linkSchema
  .extend({ document: linkedDocumentSchema })
  .register(apiSchemas, { id: "PlanNodeLink" });

export const planNodeLinkListSchema = z
  .object({ items: z.array(planNodeLinkSchema) })
  .register(apiSchemas, { id: "PlanNodeLinkList", description: "Confirmed first, then by score" });

export const LINK_ACTIONS = ["add", "confirm", "reject", "reopen", "note", "reattach", "retire"] as const;

export const linkEventSchema = z
  .object({
    id: z.string(),
    action: z
      .enum(LINK_ACTIONS)
      .describe(
        "add, confirm, reject, reopen (back to suggested), note, reattach (an orphaned link's passage re-attached), retire (an orphaned link rejected)",
      ),
    actorName: z.string().describe("The editor, by the name they had when they acted"),
    at: z.string().describe("ISO 8601"),
    note: z.string().nullable(),
    before: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe("status, note, documentId, planPath, targetId, orphaned before"),
    after: z.record(z.string(), z.unknown()).nullable().describe("… and after the change"),
  })
  .register(apiSchemas, { id: "LinkEvent", description: "One editorial change to a link (its audit record)" });

export const linkDetailSchema = planNodeLinkSchema
  .extend({
    planNode: z.object({ path: z.string(), label: z.string(), url: z.string() }),
    history: z.array(linkEventSchema).describe("Every editorial change, oldest first: provenance is public"),
  })
  .register(apiSchemas, {
    id: "LinkDetail",
    description: "One link with its document, plan node, evidence and history",
  });

// ---- editorial writes (signed-in editors only) -------------------------------------------------

const noteText = z
  .string()
  .trim()
  .max(2000)
  // Line breaks and tabs are text in a note; other control characters and lone surrogates are not.
  .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\p{Cs}]*$/u, "must not contain control characters")
  .describe("Plain text; an empty note means none");

export const linkCreateBody = z
  .strictObject({
    documentId: idParam.describe("The document"),
    planPath: z
      .string()
      .max(20)
      .regex(/^\d+(\.\d+)*$/, "a plan node path such as 7.4.3")
      .describe("The plan node"),
    targetId: idParam.nullable().optional().describe("One goal or target of that node, if the link is to it"),
    note: noteText.nullable().optional().describe("Why: shown with the link and in its history"),
  })
  .register(apiSchemas, { id: "LinkCreate", description: "An editor's own link, confirmed from the start" });

export const linkPatchBody = z
  .strictObject({
    status: z
      .enum(["confirmed", "rejected", "suggested"])
      .optional()
      .describe("confirm, reject (retire, for an orphaned link), or back to suggested"),
    note: noteText.nullable().optional().describe("A new note; null or empty clears it"),
    reattach: z
      .array(
        z.strictObject({
          rank: z.number().int().min(0).max(20).describe("Which evidence pair"),
          paragraphId: idParam.optional().describe("The document paragraph it now points at"),
          planParagraphId: idParam.optional().describe("The plan paragraph it now points at"),
        }),
      )
      .min(1)
      .max(20)
      .optional()
      .describe("Re-attach an orphaned link's lost passages (cannot be combined with status)"),
  })
  .refine((b) => b.status !== undefined || b.note !== undefined || b.reattach !== undefined, {
    message: "give status, note or reattach",
  })
  .refine((b) => !(b.reattach && b.status !== undefined), { message: "reattach cannot be combined with status" })
  .register(apiSchemas, { id: "LinkPatch", description: "Change a link's status or note, or re-attach it" });

const planNodeKind = z.enum(PlanNodeKind);

export const coverageSchema = z
  .object({
    filter: z.object({
      kind: documentKindSchema.nullable(),
      source: z.string().nullable(),
      status: z.enum(["visible", "confirmed"]),
    }),
    columns: z
      .array(
        z.object({
          key: z.string().describe("kind:sourceId, the key of rows[].counts"),
          kind: documentKindSchema,
          sourceId: z.string(),
          sourceTitle: z.string(),
          documents: z.number().int(),
        }),
      )
      .describe("Document groups: one per kind and source"),
    rows: z
      .array(
        z.object({
          path: z.string(),
          kind: planNodeKind,
          label: z.string(),
          counts: z.record(z.string(), z.number().int()),
          total: z.number().int(),
        }),
      )
      .describe("Chapters and sections in plan order: distinct documents linked to the node or below it"),
    uncoveredNodes: z.array(z.object({ path: z.string(), kind: planNodeKind, label: z.string() })),
    uncoveredTargets: z.array(z.object({ id: z.string(), path: z.string(), kind: targetKind, text: z.string() })),
    addressedTargets: z.number().int(),
    totalTargets: z.number().int(),
    unlinkedDocuments: z.array(
      z.object({ id: z.string(), kind: documentKindSchema, title: z.string(), url: z.string(), sourceId: z.string() }),
    ),
    linkedDocuments: z.number().int(),
  })
  .register(apiSchemas, {
    id: "Coverage",
    description: "The plan's chapters and sections × document groups, and what no document addresses",
  });

// ---- endpoints (joined into the OpenAPI document by ./openapi) --------------------------------

export const linkEndpoints: Endpoint[] = [
  {
    path: "/api/v1/documents/{id}/links",
    summary: "The plan nodes and targets a document addresses, with evidence (rejected links only on request)",
    pathParams: documentLinksParams,
    query: documentLinksQuery,
    response: linkListSchema,
    notFound: true,
  },
  {
    path: "/api/v1/plan/nodes/{path}/links",
    summary: "The documents that address a plan node (and, by default, the nodes below it)",
    pathParams: planNodeLinksParams,
    query: planNodeLinksQuery,
    response: planNodeLinkListSchema,
    notFound: true,
  },
  {
    path: "/api/v1/links/{id}",
    summary: "One link with its document, plan node, evidence and history",
    pathParams: linkParams,
    response: linkDetailSchema,
    notFound: true,
  },
  {
    path: "/api/v1/links/{id}",
    method: "patch",
    summary: "Confirm, reject or reopen a link, change its note, or re-attach an orphaned link (editors only)",
    pathParams: linkParams,
    body: linkPatchBody,
    response: linkDetailSchema,
    notFound: true,
    editor: true,
  },
  {
    path: "/api/v1/links",
    method: "post",
    summary: "Add a link from a document to a plan node or target, confirmed, with a note (editors only)",
    body: linkCreateBody,
    response: linkDetailSchema,
    status: 201,
    editor: true,
  },
  {
    path: "/api/v1/coverage",
    summary:
      "Coverage of the plan by documents: chapters and sections × kind and source (format=csv for a spreadsheet)",
    query: coverageQuery,
    response: coverageSchema,
    csv: "format=csv: UTF-8 with a BOM; header row, then one row per chapter and section",
  },
];
