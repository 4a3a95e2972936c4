import "server-only";
import { getSessionCookie } from "better-auth/cookies";
import { headers as requestHeaders } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { apiError } from "../api/http";
import { env } from "../env";
import { COOKIE_PREFIX } from "./config";
import { loginUrl } from "./next-path";
import { checkSameOrigin } from "./origin";
import { getAuth } from "./server";

/**
 * Who is editing: the one server-side guard for pages and editorial API routes.
 *
 *   // app/api/v1/links/route.ts
 *   export const POST = withApiErrors(async (request: Request) => {
 *     const editor = await requireEditor(request);
 *     if (editor instanceof Response) return editor;
 *     … write, recording editor.id and editor.name …
 *   });
 *
 *   // app/editor/page.tsx
 *   const editor = await requireEditorPage("/editor");
 */
export interface Editor {
  /** Editor.id: stable, what audit records point to (LinkEvent.actorId). */
  id: string;
  /** The name as shown and recorded (LinkEvent.actorName). */
  name: string;
}

type SessionLookup = { kind: "none" } | { kind: "disabled" } | { kind: "editor"; editor: Editor };

async function lookUpSession(headers: Headers): Promise<SessionLookup> {
  // No session cookie: no database round trip (most readers never sign in).
  if (!getSessionCookie(headers, { cookiePrefix: COOKIE_PREFIX })) return { kind: "none" };
  const session = await getAuth().api.getSession({ headers });
  if (!session) return { kind: "none" };
  const { user } = session;
  if (user.disabled) return { kind: "disabled" };
  return { kind: "editor", editor: { id: user.id, name: user.displayUsername || user.name } };
}

/** The signed-in editor of a request, or null (anonymous, expired or revoked session, disabled editor). */
export async function getEditor(headers: Headers): Promise<Editor | null> {
  const found = await lookUpSession(headers);
  return found.kind === "editor" ? found.editor : null;
}

/** The editor of the request being rendered (server components); read once per request. */
export const currentEditor = cache(async (): Promise<Editor | null> => getEditor(await requestHeaders()));

/**
 * The editor allowed to make this write, or the error Response to return:
 * 403 `cross_site` when the request does not come from the app's own origin (checked first: a
 * forged request learns nothing about the session), 401 `unauthenticated` without a valid
 * session, 403 `forbidden` when the session's editor is disabled. (`npm run editor:disable` also
 * ends the editor's sessions, so their next request has no session: 401. The 403 covers a session
 * that outlived the flag, e.g. one created while the editor was being disabled.)
 */
export async function requireEditor(request: Request): Promise<Editor | Response> {
  const origin = checkSameOrigin(request.headers, env.PUBLIC_URL, request.url);
  if (!origin.ok) return apiError(403, "cross_site", origin.reason);
  const found = await lookUpSession(request.headers);
  if (found.kind === "none") return apiError(401, "unauthenticated", "Sign in as an editor to make changes.");
  if (found.kind === "disabled") return apiError(403, "forbidden", "This editor account is disabled.");
  return found.editor;
}

/** The signed-in editor, or a redirect to /login?next=<nextPath> (a path on this site). */
export async function requireEditorPage(nextPath: string): Promise<Editor> {
  const editor = await currentEditor();
  if (!editor) redirect(loginUrl(nextPath));
  return editor;
}
