import crypto from "node:crypto";

/** Ids derive from the source slug and position, so an unchanged source keeps its ids. */
export const documentId = (sourceId: string, ordinal: number) => `${sourceId}-${String(ordinal).padStart(2, "0")}`;
export const planNodeId = (sourceId: string, path: string) => `${sourceId}-n${path}`;
/** The ids of a plan node's ancestors, outermost first: "x-n4.2.2" → "x-n4", "x-n4.2". */
export function planNodeAncestorIds(id: string): string[] {
  const at = id.lastIndexOf("-n") + 2;
  const parts = id.slice(at).split(".");
  return parts.slice(1).map((_, k) => `${id.slice(0, at)}${parts.slice(0, k + 1).join(".")}`);
}
export const paragraphId = (ownerId: string, n: number) => `${ownerId}-p${n}`;
/** People are identified by their printed name (spaces removed) across sources. */
export const personId = (name: string) => `p-${crypto.createHash("sha256").update(name).digest("hex").slice(0, 10)}`;
