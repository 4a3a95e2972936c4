import { AUTH_ERROR } from "@/lib/auth/codes";

/** "12 秒" / "5 分钟". */
export function formatWait(seconds: number): string {
  return seconds < 60 ? `${Math.max(1, Math.ceil(seconds))} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
}

/** What to tell someone whose sign-in was refused, from the endpoint's status, error code and Retry-After. */
export function signInErrorMessage(status: number, code: string | undefined, retryAfter: number | null): string {
  if (status === 429) {
    return retryAfter ? `登录尝试过于频繁，请在 ${formatWait(retryAfter)}后再试。` : "登录尝试过于频繁，请稍后再试。";
  }
  if (status === 403 && code === AUTH_ERROR.editorDisabled) return "此编辑账户已停用。如有疑问，请联系管理员。";
  if (status === 403) return "登录请求被拒绝：请直接在本站的登录页面登录。";
  if (status === 400 || status === 401 || status === 422) return "用户名或密码不正确。";
  return "登录暂时无法完成，请稍后再试。";
}
