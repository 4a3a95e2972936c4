import "server-only";
import { getDb } from "../db";
import type { DocumentKind } from "../generated/prisma/enums";

/** A reading page's subject, read from its path: what the proxy checks before the page streams. */
export type ReadingTarget = { type: "document"; kind: DocumentKind; id: string } | { type: "person"; id: string } | { type: "chapter"; path: string };

const DOCUMENT_SEGMENTS: Record<string, DocumentKind> = { speeches: "speech", proposals: "proposal", reports: "report" };

export function readingTargetOf(pathname: string): ReadingTarget | null {
  const m = /^\/(speeches|proposals|reports|people|plan)\/([^/]+)\/?$/.exec(pathname);
  if (!m) return null;
  // The proxy has already refused paths that do not decode.
  const id = decodeURIComponent(m[2]!);
  if (m[1] === "people") return { type: "person", id };
  if (m[1] === "plan") return { type: "chapter", path: id };
  return { type: "document", kind: DOCUMENT_SEGMENTS[m[1]!]!, id };
}

/** Whether the page for this target has something to show (its own notFound() decides the same). */
export async function readingTargetExists(t: ReadingTarget): Promise<boolean> {
  const db = getDb();
  switch (t.type) {
    case "document":
      return (await db.document.count({ where: { id: t.id, kind: t.kind } })) > 0;
    case "person":
      return (await db.person.count({ where: { id: t.id } })) > 0;
    case "chapter":
      return /^\d{1,2}$/.test(t.path) && (await db.planNode.count({ where: { path: t.path } })) > 0;
  }
}
