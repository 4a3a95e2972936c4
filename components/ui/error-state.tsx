"use client";

export function ErrorState({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="space-y-4">
      <h1 className="text-2xl font-semibold">页面出错了</h1>
      <p className="text-stone-600 dark:text-stone-300">
        暂时无法读取数据，请稍后重试。{error.digest ? `（错误编号 ${error.digest}）` : null}
      </p>
      <button type="button" onClick={reset} className="rounded-md bg-brand-700 px-4 py-2 text-white hover:bg-brand-800">
        重试
      </button>
    </div>
  );
}
