"use client";

import { useState } from "react";

interface CopyCitationButtonProps {
  /** Citation text without the link; the absolute link is added in the browser. */
  citation: string;
  anchor: string;
  label: string;
}

export function CopyCitationButton({ citation, anchor, label }: CopyCitationButtonProps) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    const url = `${window.location.origin}${window.location.pathname}#${anchor}`;
    try {
      await navigator.clipboard.writeText(`${citation} ${url}`);
      setState("copied");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), 2000);
  }
  return (
    <button
      type="button"
      onClick={copy}
      aria-label={label}
      className="rounded px-1.5 py-0.5 text-xs text-stone-700 hover:bg-stone-200 focus-visible:bg-stone-200 dark:text-stone-300 dark:hover:bg-stone-800"
    >
      <span aria-live="polite">{state === "copied" ? "已复制" : state === "failed" ? "复制失败" : "引用"}</span>
    </button>
  );
}
