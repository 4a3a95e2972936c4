"use client";

import { useRef, useState } from "react";

// The match in focus stands out from the others (all are marked alike).
const CURRENT = ["outline", "outline-2", "outline-offset-1", "outline-amber-700", "dark:outline-amber-300"];

/**
 * 上一处 / 下一处 on a page with marked search words: each press moves to the previous or next mark, in
 * reading order, scrolls it into view and focuses it, wrapping around at the ends.
 */
export function MatchStepper({ anchors }: { anchors: string[] }) {
  const [index, setIndex] = useState(-1);
  const [total, setTotal] = useState(0);
  const current = useRef<HTMLElement | null>(null);

  function marks(): HTMLElement[] {
    // Only the marks in the text's own paragraphs and headings, not those of a side panel's evidence;
    // once each (a plan section's anchor may hold its paragraphs), in reading order.
    const found = new Set(
      anchors.flatMap((id) => Array.from(document.getElementById(id)?.querySelectorAll("mark") ?? [])),
    );
    return [...found].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }

  function go(step: 1 | -1) {
    const all = marks();
    if (!all.length) return;
    const next = index < 0 ? (step === 1 ? 0 : all.length - 1) : (index + step + all.length) % all.length;
    const mark = all[next]!;
    current.current?.classList.remove(...CURRENT);
    mark.classList.add(...CURRENT);
    mark.tabIndex = -1;
    mark.scrollIntoView({ block: "center" });
    mark.focus({ preventScroll: true });
    current.current = mark;
    setIndex(next);
    setTotal(all.length);
  }

  const button =
    "inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border border-amber-400 px-3 sm:min-h-0 sm:py-0.5 dark:border-amber-700";
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" className={button} onClick={() => go(-1)}>
        上一处
      </button>
      <button type="button" className={button} onClick={() => go(1)}>
        下一处
      </button>
      <span aria-live="polite" className="tabular-nums">
        {index >= 0 ? `第 ${index + 1}/${total} 处` : ""}
      </span>
    </span>
  );
}
