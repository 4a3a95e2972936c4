"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { accessDate, formatGbt7714, formatPlain, type CitationSource } from "@/lib/citation";
import type { CitationRequest } from "./citation";

/** Copies with the Clipboard API, else (an insecure origin, an old browser) through a selected text area. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "fixed -left-[9999px] top-0";
    document.body.append(area);
    area.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}

const FORMATS = [
  { id: "gbt", name: "GB/T 7714", format: formatGbt7714 },
  { id: "plain", name: "通用格式", format: formatPlain },
] as const;

interface CitationDialogProps {
  source: CitationSource;
  request: CitationRequest;
  /** The 引用 button that opened it: focus goes back there when the dialog closes. */
  trigger: HTMLElement;
}

/**
 * The citation dialog, loaded with its formats the first time a reader asks for a citation (most never
 * do) and mounted afresh for each request: it opens as it mounts, and the access date is the reader's
 * day when it opens.
 */
export function CitationDialog({ source, request, trigger }: CitationDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [accessed, setAccessed] = useState(() => accessDate(new Date()));
  const [status, setStatus] = useState("");
  const headingId = useId();

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const cite = useMemo(() => {
    const cited = { ...source, part: request.part ?? source.part };
    const target = { paragraph: request.paragraph, url: new URL(request.path, window.location.origin).href };
    return (format: (typeof FORMATS)[number], day: string) => format.format(cited, { ...target, accessed: day });
  }, [request, source]);

  async function copy(format: (typeof FORMATS)[number]) {
    // The day may have turned since the dialog opened: the citation says the day it was copied.
    const today = accessDate(new Date());
    setAccessed(today);
    const copied = await copyText(cite(format, today));
    setStatus(copied ? `已复制${format.name}引用` : "无法自动复制，请选中上面的文字后手动复制");
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby={headingId}
      onClose={() => trigger.focus()}
      onClick={(e) => {
        if (e.target === dialog.current) dialog.current.close();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-xl rounded-lg border border-stone-300 bg-white p-0 text-stone-900 shadow-xl backdrop:bg-stone-950/50 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
    >
      <div className="space-y-4 p-5 text-sm leading-relaxed">
        <h2 id={headingId} className="text-base font-semibold">
          引用{request.label}
        </h2>
        {FORMATS.map((t) => (
          <section key={t.id} aria-labelledby={`${headingId}-${t.id}`} className="space-y-2">
            <h3 id={`${headingId}-${t.id}`} className="font-medium text-stone-700 dark:text-stone-300">
              {t.name}
            </h3>
            <p className="select-all rounded border border-stone-200 bg-stone-50 p-3 break-all dark:border-stone-700 dark:bg-stone-950">
              {cite(t, accessed)}
            </p>
            <button
              type="button"
              onClick={() => void copy(t)}
              className="min-h-11 rounded-md bg-brand-700 px-4 text-white hover:bg-brand-800"
            >
              复制{t.name}
            </button>
          </section>
        ))}
        <p role="status" className="min-h-[1.5em] font-medium text-emerald-800 dark:text-emerald-300">
          {status}
        </p>
        <p className="text-stone-600 dark:text-stone-400">访问日期按复制当天填写；链接不含检索高亮。</p>
        <form method="dialog" className="text-right">
          <button
            type="submit"
            className="min-h-11 rounded-md border border-stone-300 px-4 hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800"
          >
            关闭
          </button>
        </form>
      </div>
    </dialog>
  );
}
