import "server-only";
import { cache } from "react";
import { z } from "zod";
import type { DocumentKind } from "../generated/prisma/client";
import { getDocument } from "./documents";
import { findLink, type LinkView } from "./links";
import { getPlanNode, type PlanNodeDetail } from "./plan";
import { planNodeLabel } from "../urls";
import { idParam } from "./params";

/** /compare?document=…&plan=…: both required; a plan path is dotted numbers ("3", "3.4.4"). */
export const comparePageParams = z.object({
  document: idParam,
  plan: z.string().regex(/^\d{1,2}(\.\d{1,3}){0,4}$/),
});

export interface ComparePassage {
  id: string;
  n: number;
  text: string;
  headingLevel: number | null;
}

export interface ComparePlanPassage extends ComparePassage {
  /** The node the paragraph belongs to: the compared node or one below it. */
  path: string;
  nodeLabel: string;
}

export interface Comparison {
  document: {
    id: string;
    kind: DocumentKind;
    title: string;
    url: string;
    date: string | null;
    sourceTitle: string;
    speakers: { personId: string; name: string }[];
    paragraphs: ComparePassage[];
  };
  plan: {
    path: string;
    label: string;
    /** The node's paragraphs, then those of its descendants, in plan order. */
    paragraphs: ComparePlanPassage[];
  };
  /** The link between them (confirmed first, a node link before a target link), if there is one. */
  link: LinkView | null;
}

function planPassages(node: PlanNodeDetail): ComparePlanPassage[] {
  const label = planNodeLabel(node);
  return [
    ...node.paragraphs.map((p) => ({
      id: p.id,
      n: p.n,
      text: p.text,
      headingLevel: p.headingLevel,
      path: node.path,
      nodeLabel: label,
    })),
    ...node.children.flatMap(planPassages),
  ];
}

/** A document and a plan node side by side, with the link between them; null when either is unknown. Cached per request (page and metadata). */
export const getComparison = cache(async (documentId: string, planPath: string): Promise<Comparison | null> => {
  const [doc, node, link] = await Promise.all([
    getDocument(documentId),
    getPlanNode(planPath),
    findLink(documentId, planPath),
  ]);
  if (!doc || !node) return null;
  return {
    document: {
      id: doc.id,
      kind: doc.kind,
      title: doc.title,
      url: doc.url,
      date: doc.date,
      sourceTitle: doc.source.title,
      speakers: doc.speakers.map((s) => ({ personId: s.personId, name: s.name })),
      paragraphs: doc.paragraphs.map((p) => ({ id: p.id, n: p.n, text: p.text, headingLevel: p.headingLevel })),
    },
    plan: { path: node.path, label: planNodeLabel(node), paragraphs: planPassages(node) },
    link,
  };
});
