/** What to tell an editor whose change the write API refused, from its status and error code. */
export function curationErrorMessage(status: number, code: string | undefined, conflict?: string): string {
  if (status === 401) return "登录已过期，请重新登录后再试。";
  if (status === 403 && code === "cross_site") return "请求被拒绝：请在本站页面上操作。";
  if (status === 403) return "此编辑账户已停用，无法修改关联。";
  if (status === 404) return "这条关联已不存在，请刷新页面。";
  if (status === 409) return conflict ?? "这条关联的状态已经改变，请刷新页面后再试。";
  if (status === 400) return "提交的内容无效，请检查后再试。";
  if (status === 429) return "操作过于频繁，请稍后再试。";
  return "操作暂时无法完成，请稍后再试。";
}

export const NETWORK_ERROR = "无法连接服务器，请检查网络后再试。";
