"use server";

import { cookies } from "next/headers";
import { LAST_VISIT_COOKIE, parseLastVisit, recordVisit } from "@/components/curation/last-visit";
import { currentEditor } from "@/lib/auth/editor";
import { env } from "@/lib/env";

/** Records a view of /editor in the last-visit cookie (see components/curation/last-visit.ts). */
export async function recordEditorVisit(): Promise<void> {
  const editor = await currentEditor();
  if (!editor) return;
  const jar = await cookies();
  const visit = parseLastVisit(jar.get(LAST_VISIT_COOKIE)?.value, editor.id);
  const next = recordVisit(visit, editor.id, Date.now());
  // Unchanged within a visit: no cookie written, so Next has no reason to render the page again.
  if (next === visit) return;
  jar.set(LAST_VISIT_COOKIE, JSON.stringify(next), {
    httpOnly: true,
    sameSite: "lax",
    secure: env.PUBLIC_URL?.startsWith("https:") ?? false,
    path: "/editor",
    maxAge: 365 * 24 * 60 * 60,
  });
}
