/**
 * What the browser needs to know about the auth endpoints (no server code: the sign-in form and
 * the sign-out button import it). Error codes are Better Auth's plus the two our configuration adds.
 */
export const AUTH_BASE_PATH = "/api/auth";
export const SIGN_IN_PATH = "/sign-in/username";
export const SIGN_OUT_PATH = "/sign-out";

export const AUTH_ERROR = {
  /** 401 from Better Auth's username sign-in (wrong name or password alike). */
  invalidCredentials: "INVALID_USERNAME_OR_PASSWORD",
  /** 403: the password matched, but the editor is disabled. */
  editorDisabled: "EDITOR_DISABLED",
  /** 429: too many failed sign-ins on this name (Retry-After says for how long). */
  tooManyAttempts: "TOO_MANY_ATTEMPTS",
  /** 403 from our route: the request did not come from this site's pages. */
  crossSite: "cross_site",
} as const;
