/**
 * "New machine suggestions since your last visit" on /editor.
 *
 * Decision: the last visit is kept in a cookie (`editor_last_visit`, HttpOnly, path /editor) per
 * browser and editor, not in the database: it is a convenience, not editorial data, and needs no
 * migration. A server component cannot set cookies, so the page renders with the cookie as it
 * came and a client leaf then calls a Server Action that records the visit.
 *
 * The cookie holds two times: when the current visit began (`seen`) and when the one before it
 * began (`previous`). A visit is a run of page views less than VISIT_GAP apart, so the list stays
 * the same while the editor works through it (each action refreshes the page), and the next visit
 * shows what the linker suggested after this one began. No cookie yet, another editor's cookie,
 * or a first visit: the last FALLBACK_DAYS days.
 */
import { z } from "zod";

export const LAST_VISIT_COOKIE = "editor_last_visit";
export const VISIT_GAP_MS = 30 * 60 * 1000;
export const FALLBACK_DAYS = 7;

const visitSchema = z.object({
  editor: z.string().min(1).max(200),
  seen: z.number().int().nonnegative(),
  previous: z.number().int().nonnegative().nullable(),
});

export type LastVisit = z.infer<typeof visitSchema>;

export function parseLastVisit(raw: string | undefined, editorId: string): LastVisit | null {
  if (!raw) return null;
  try {
    const parsed = visitSchema.safeParse(JSON.parse(raw));
    return parsed.success && parsed.data.editor === editorId ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The cookie after a page view at `now`: a new visit when the last view began more than VISIT_GAP ago. */
export function recordVisit(visit: LastVisit | null, editorId: string, now: number): LastVisit {
  if (!visit) return { editor: editorId, seen: now, previous: null };
  if (now - visit.seen < VISIT_GAP_MS) return visit;
  return { editor: editorId, seen: now, previous: visit.seen };
}

/** Since when suggestions count as new for a page view at `now`. */
export function suggestionsSince(visit: LastVisit | null, now: number): Date {
  const fallback = now - FALLBACK_DAYS * 24 * 60 * 60 * 1000;
  if (!visit) return new Date(fallback);
  // Within the current visit: since the one before; a new visit (not yet recorded): since the last.
  const since = now - visit.seen < VISIT_GAP_MS ? visit.previous : visit.seen;
  return new Date(since ?? fallback);
}

/** Whether the list counts from a real visit or from the fallback (said on the page). */
export function hasPreviousVisit(visit: LastVisit | null, now: number): boolean {
  return visit !== null && (now - visit.seen >= VISIT_GAP_MS || visit.previous !== null);
}

/** The suggestions window for a view of /editor now, from the cookie as the request brought it. */
export function suggestionWindow(raw: string | undefined, editorId: string, now = Date.now()) {
  const visit = parseLastVisit(raw, editorId);
  return { since: suggestionsSince(visit, now), sinceLastVisit: hasPreviousVisit(visit, now) };
}
