"use client";

import { useEffect } from "react";

/** Records this visit to /editor once the page is shown (a server component cannot set the cookie itself). */
export function EditorVisit({ record }: { record: () => Promise<void> }) {
  useEffect(() => {
    void record().catch(() => undefined);
  }, [record]);
  return null;
}
