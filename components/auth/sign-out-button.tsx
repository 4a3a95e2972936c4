"use client";

import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { AUTH_BASE_PATH, SIGN_OUT_PATH } from "@/lib/auth/codes";

/** Ends the session on the server (the cookie is cleared in the answer), then goes to the home page. */
export function SignOutButton() {
  const router = useRouter();
  const [error, action, pending] = useActionState(async (): Promise<string | null> => {
    try {
      const res = await fetch(`${AUTH_BASE_PATH}${SIGN_OUT_PATH}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
        credentials: "same-origin",
      });
      if (!res.ok) return "退出未能完成，请刷新页面后再试。";
    } catch {
      return "无法连接服务器，请检查网络后再试。";
    }
    // A fresh render of the home page: the header no longer shows the editor.
    router.replace("/");
    router.refresh();
    return null;
  }, null);

  return (
    <form action={action} className="space-y-3">
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-red-800 px-4 py-2 font-medium text-white hover:bg-red-900 focus:outline-none focus:ring-2 focus:ring-red-800/40 focus:ring-offset-2 disabled:opacity-60 dark:focus:ring-offset-stone-950"
      >
        {pending ? "正在退出……" : "退出登录"}
      </button>
      {error ? (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </form>
  );
}
