import "server-only";
import { getDb } from "../db";
import type { DocumentKind } from "../generated/prisma/enums";
import { kindOfSegment } from "../kinds";
import { comparePageParams } from "./compare";
import { idParam, planChapterParams } from "./params";
import { loadTaxonomy } from "../topics/taxonomy";

/** A reading page's subject, read from its path (and, for /compare, its query): what the proxy checks before the page streams. */
export type ReadingTarget =
  | { type: "document"; kind: DocumentKind; id: string }
  | { type: "person"; id: string }
  | { type: "chapter"; path: string }
  | { type: "link"; id: string }
  | { type: "topic"; slug: string }
  | { type: "compare"; document: string | undefined; plan: string | undefined };

export function readingTargetOf(pathname: string, search?: URLSearchParams): ReadingTarget | null {
  if (/^\/compare\/?$/.test(pathname)) {
    // As the page reads its query (flatSearchParams): the last value of a repeated key, "" as absent.
    const last = (key: string) => search?.getAll(key).at(-1) || undefined;
    return { type: "compare", document: last("document"), plan: last("plan") };
  }
  const m = /^\/([a-z]+)\/([^/]+)\/?$/.exec(pathname);
  if (!m) return null;
  const [, segment = "", encoded = ""] = m;
  // The proxy has already refused paths that do not decode.
  const id = decodeURIComponent(encoded);
  if (segment === "people") return { type: "person", id };
  // /plan/targets is a page of its own, not a chapter.
  if (segment === "plan") return id === "targets" ? null : { type: "chapter", path: id };
  if (segment === "links") return { type: "link", id };
  if (segment === "topics") return { type: "topic", slug: id };
  const kind = kindOfSegment(segment);
  return kind ? { type: "document", kind, id } : null;
}

/**
 * Whether the page for this target has something to show (its own notFound() decides the same). An
 * id the text schema refuses (a NUL, a lone surrogate: PostgreSQL would fail on it) is simply absent.
 */
export async function readingTargetExists(t: ReadingTarget): Promise<boolean> {
  const db = getDb();
  switch (t.type) {
    case "document":
      return idParam.safeParse(t.id).success && (await db.document.count({ where: { id: t.id, kind: t.kind } })) > 0;
    case "person":
      return idParam.safeParse(t.id).success && (await db.person.count({ where: { id: t.id } })) > 0;
    case "chapter":
      return (
        planChapterParams.safeParse({ chapter: t.path }).success &&
        (await db.planNode.count({ where: { path: t.path } })) > 0
      );
    case "link":
      return idParam.safeParse(t.id).success && (await db.link.count({ where: { id: t.id } })) > 0;
    case "topic":
      // The taxonomy is data in the repository, not in the database.
      return loadTaxonomy().some((x) => x.slug === t.slug);
    case "compare": {
      const parsed = comparePageParams.safeParse({ document: t.document, plan: t.plan });
      if (!parsed.success) return false;
      const [documents, nodes] = await Promise.all([
        db.document.count({ where: { id: parsed.data.document } }),
        db.planNode.count({ where: { path: parsed.data.plan } }),
      ]);
      return documents > 0 && nodes > 0;
    }
  }
}
