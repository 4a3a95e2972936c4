/** Where to go after signing in: only a path on this site, never another origin. */

export const LOGIN_PATH = "/login";

/**
 * `next` when it is a same-site absolute path ("/plan/3?x=1#n-3.1"), else "/". Refuses
 * protocol-relative ("//evil.example"), backslash ("/\\evil.example") and scheme forms, control
 * characters, and the login and logout pages themselves.
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || next.length > 2000) return "/";
  if (!next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return "/";
  if (/[\u0000-\u001f\u007f]/.test(next)) return "/";
  const url = new URL(next, "http://same.invalid");
  if (url.origin !== "http://same.invalid") return "/";
  if (url.pathname === LOGIN_PATH || url.pathname === "/logout") return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}

/** /login?next=… that comes back to `next` (when it is a safe path). */
export function loginUrl(next?: string): string {
  const path = safeNextPath(next);
  return path === "/" ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(path)}`;
}
