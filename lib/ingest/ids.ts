import crypto from "node:crypto";

/** Ids derive from the source slug and position, so an unchanged source keeps its ids. */
export const documentId = (sourceId: string, ordinal: number) => `${sourceId}-${String(ordinal).padStart(2, "0")}`;
export const planNodeId = (sourceId: string, path: string) => `${sourceId}-n${path}`;
export const paragraphId = (ownerId: string, n: number) => `${ownerId}-p${n}`;
/** People are identified by their printed name (spaces removed) across sources. */
export const personId = (name: string) => `p-${crypto.createHash("sha256").update(name).digest("hex").slice(0, 10)}`;
