import Link from "next/link";

export function LoadingState() {
  return (
    <div role="status" aria-live="polite" className="space-y-3">
      <span className="sr-only">正在加载…</span>
      <div className="h-8 w-2/3 animate-pulse rounded bg-stone-200 dark:bg-stone-800" />
      <div className="h-4 w-full animate-pulse rounded bg-stone-200 dark:bg-stone-800" />
      <div className="h-4 w-5/6 animate-pulse rounded bg-stone-200 dark:bg-stone-800" />
    </div>
  );
}

export function NotFoundState({ what = "页面" }: { what?: string }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">未找到该{what}</h1>
      <p className="text-stone-600 dark:text-stone-300">您要找的内容不存在，或链接已失效。</p>
      <Link href="/">返回首页</Link>
    </div>
  );
}
