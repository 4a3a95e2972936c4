/**
 * The browser's side of the editorial write API (POST /api/v1/links, PATCH /api/v1/links/{id}):
 * same-origin requests that carry the HttpOnly session cookie; refusals become Chinese messages.
 */
import { curationErrorMessage, NETWORK_ERROR } from "./messages";

export type CurationResult = { ok: true; id: string } | { ok: false; message: string };

export interface LinkPatchRequest {
  status?: "confirmed" | "rejected" | "suggested";
  note?: string | null;
  reattach?: { rank: number; paragraphId?: string; planParagraphId?: string }[];
}

export interface LinkCreateRequest {
  documentId: string;
  planPath: string;
  targetId?: string | null;
  note?: string | null;
}

const linkApiUrl = (id?: string) => (id ? `/api/v1/links/${encodeURIComponent(id)}` : "/api/v1/links");

async function send(method: "POST" | "PATCH", url: string, body: unknown, conflict?: string): Promise<CurationResult> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    return { ok: false, message: NETWORK_ERROR };
  }
  const json = (await res.json().catch(() => null)) as { id?: string; error?: { code?: string } } | null;
  if (res.ok && typeof json?.id === "string") return { ok: true, id: json.id };
  if (res.ok) return { ok: false, message: curationErrorMessage(500, undefined) };
  return { ok: false, message: curationErrorMessage(res.status, json?.error?.code, conflict) };
}

export const patchLink = (id: string, body: LinkPatchRequest, conflict?: string) =>
  send("PATCH", linkApiUrl(id), body, conflict);

export const createLink = (body: LinkCreateRequest) =>
  send("POST", linkApiUrl(), body, "这条关联已经存在（已确认、已驳回或待处理），请在列表中查看。");

/** A note as the API takes it: left out when empty, so a status change never clears an existing note. */
export const noteOrUndefined = (note: string): string | undefined => note.trim() || undefined;
