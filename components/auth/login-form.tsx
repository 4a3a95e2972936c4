"use client";

import { useRouter } from "next/navigation";
import { useActionState, useId } from "react";
import { AUTH_BASE_PATH, SIGN_IN_PATH } from "@/lib/auth/codes";
import { safeNextPath } from "@/lib/auth/next-path";
import { signInErrorMessage } from "./messages";

interface SignInState {
  status: "idle" | "error" | "signed-in";
  message: string | null;
  username: string;
}

const INITIAL: SignInState = { status: "idle", message: null, username: "" };

async function postSignIn(username: string, password: string): Promise<SignInState> {
  let res: Response;
  try {
    res = await fetch(`${AUTH_BASE_PATH}${SIGN_IN_PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password, rememberMe: true }),
      credentials: "same-origin",
    });
  } catch {
    return { status: "error", message: "无法连接服务器，请检查网络后再试。", username };
  }
  if (res.ok) return { status: "signed-in", message: "登录成功，正在返回……", username };
  const body = (await res.json().catch(() => null)) as { code?: string; error?: { code?: string } } | null;
  const wait = Number(res.headers.get("retry-after") ?? res.headers.get("x-retry-after"));
  return {
    status: "error",
    message: signInErrorMessage(
      res.status,
      body?.code ?? body?.error?.code,
      Number.isFinite(wait) && wait > 0 ? wait : null,
    ),
    username,
  };
}

/**
 * Sign-in by name and password against Better Auth's endpoint (which sets the HttpOnly session
 * cookie), then back to `next`.
 */
export function LoginForm({ next }: { next: string }) {
  const router = useRouter();
  const ids = { name: useId(), password: useId(), message: useId() };
  const [state, action, pending] = useActionState(async (_: SignInState, form: FormData): Promise<SignInState> => {
    const username = String(form.get("username") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!username || !password) return { status: "error", message: "请输入用户名和密码。", username };
    const result = await postSignIn(username, password);
    if (result.status === "signed-in") {
      // Rendered afresh, so every server component (the header too) sees the new session.
      router.replace(safeNextPath(next));
      router.refresh();
    }
    return result;
  }, INITIAL);
  const invalid = state.status === "error";

  return (
    <form action={action} className="space-y-5">
      <div className="space-y-1.5">
        <label htmlFor={ids.name} className="block text-sm font-medium text-stone-800 dark:text-stone-200">
          用户名
        </label>
        <input
          id={ids.name}
          name="username"
          type="text"
          required
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          defaultValue={state.username}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? ids.message : undefined}
          className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-stone-900 focus:border-red-800 focus:outline-none focus:ring-2 focus:ring-red-800/30 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
        />
      </div>
      <div className="space-y-1.5">
        <label htmlFor={ids.password} className="block text-sm font-medium text-stone-800 dark:text-stone-200">
          密码
        </label>
        <input
          id={ids.password}
          name="password"
          type="password"
          required
          autoComplete="current-password"
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? ids.message : undefined}
          className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-stone-900 focus:border-red-800 focus:outline-none focus:ring-2 focus:ring-red-800/30 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
        />
      </div>
      {/* The live region is always there, so a message that appears in it is announced. */}
      <div aria-live="polite">
        {state.message ? (
          <p
            id={ids.message}
            role={invalid ? "alert" : undefined}
            className={
              invalid
                ? "rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
                : "text-sm text-stone-600 dark:text-stone-400"
            }
          >
            {state.message}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={pending || state.status === "signed-in"}
        className="w-full rounded-md bg-red-800 px-4 py-2 font-medium text-white hover:bg-red-900 focus:outline-none focus:ring-2 focus:ring-red-800/40 focus:ring-offset-2 disabled:opacity-60 dark:focus:ring-offset-stone-950"
      >
        {pending ? "正在登录……" : "登录"}
      </button>
    </form>
  );
}
