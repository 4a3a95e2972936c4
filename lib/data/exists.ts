import "server-only";
import { getDb } from "../db";
import type { DocumentKind } from "../generated/prisma/enums";
import { kindOfSegment } from "../kinds";
import { planChapterParams } from "./params";

/** A reading page's subject, read from its path: what the proxy checks before the page streams. */
export type ReadingTarget =
  | { type: "document"; kind: DocumentKind; id: string }
  | { type: "person"; id: string }
  | { type: "chapter"; path: string };

export function readingTargetOf(pathname: string): ReadingTarget | null {
  const m = /^\/([a-z]+)\/([^/]+)\/?$/.exec(pathname);
  if (!m) return null;
  const [, segment = "", encoded = ""] = m;
  // The proxy has already refused paths that do not decode.
  const id = decodeURIComponent(encoded);
  if (segment === "people") return { type: "person", id };
  if (segment === "plan") return { type: "chapter", path: id };
  const kind = kindOfSegment(segment);
  return kind ? { type: "document", kind, id } : null;
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
      return (
        planChapterParams.safeParse({ chapter: t.path }).success &&
        (await db.planNode.count({ where: { path: t.path } })) > 0
      );
  }
}
