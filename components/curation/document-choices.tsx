"use client";

import { createContext, type ReactNode } from "react";

export interface DocumentOptionGroup {
  /** The kind's label (大会发言 …). */
  label: string;
  documents: { id: string; label: string }[];
}

/**
 * The documents an editor can add, sent to the browser once per page: a chapter page has a form
 * under every node, and each reads the list from here rather than carrying its own copy.
 */
export const DocumentChoices = createContext<DocumentOptionGroup[]>([]);

export function DocumentChoicesProvider({ groups, children }: { groups: DocumentOptionGroup[]; children: ReactNode }) {
  return <DocumentChoices value={groups}>{children}</DocumentChoices>;
}
