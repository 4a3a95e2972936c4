"use client";

import { createContext, useCallback, useContext, useId, useMemo, useRef, useState, type ReactNode } from "react";
import { accessDate, formatGbt7714, formatPlain, type CitationSource } from "@/lib/citation";

/** What one 引用 button cites: the page supplies the work, the button the part, paragraph and path. */
interface CitationRequest {
  /** How the dialog names what is cited: "第10段", "全文", a plan node's label. */
  label: string;
  /** The stable path of what is cited (from lib/urls), made absolute in the browser. */
  path: string;
  paragraph?: number;
  /** A plan node's label, cited as a part of the plan. */
  part?: string;
}

const OpenCitation = createContext<((request: CitationRequest, trigger: HTMLElement) => void) | null>(null);

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

/**
 * One citation dialog for a page: every 引用 button under it opens the dialog with its part and
 * paragraph. The access date is the reader's day when the dialog opens.
 */
export function CitationProvider({ source, children }: { source: CitationSource; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLElement | null>(null);
  const [request, setRequest] = useState<CitationRequest | null>(null);
  const [accessed, setAccessed] = useState("");
  const [status, setStatus] = useState("");
  const headingId = useId();

  const open = useCallback((next: CitationRequest, from: HTMLElement) => {
    trigger.current = from;
    setRequest(next);
    setAccessed(accessDate(new Date()));
    setStatus("");
    dialog.current?.showModal();
  }, []);

  const cite = useMemo(() => {
    if (!request) return null;
    const cited = { ...source, part: request.part ?? source.part };
    const target = { paragraph: request.paragraph, url: new URL(request.path, window.location.origin).href };
    return (format: (typeof FORMATS)[number], day: string) => format.format(cited, { ...target, accessed: day });
  }, [request, source]);

  async function copy(format: (typeof FORMATS)[number]) {
    if (!cite) return;
    // The day may have turned since the dialog opened: the citation says the day it was copied.
    const today = accessDate(new Date());
    setAccessed(today);
    const copied = await copyText(cite(format, today));
    setStatus(copied ? `已复制${format.name}引用` : "无法自动复制，请选中上面的文字后手动复制");
  }

  return (
    <OpenCitation.Provider value={open}>
      {children}
      <dialog
        ref={dialog}
        aria-labelledby={headingId}
        onClose={() => trigger.current?.focus()}
        onClick={(e) => {
          if (e.target === dialog.current) dialog.current.close();
        }}
        className="m-auto w-[calc(100%-2rem)] max-w-xl rounded-lg border border-stone-300 bg-white p-0 text-stone-900 shadow-xl backdrop:bg-stone-950/50 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
      >
        <div className="space-y-4 p-5 text-sm leading-relaxed">
          <h2 id={headingId} className="text-base font-semibold">
            引用{request?.label ?? ""}
          </h2>
          {FORMATS.map((t) => (
            <section key={t.id} aria-labelledby={`${headingId}-${t.id}`} className="space-y-2">
              <h3 id={`${headingId}-${t.id}`} className="font-medium text-stone-700 dark:text-stone-300">
                {t.name}
              </h3>
              <p className="select-all rounded border border-stone-200 bg-stone-50 p-3 break-all dark:border-stone-700 dark:bg-stone-950">
                {cite ? cite(t, accessed) : null}
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
    </OpenCitation.Provider>
  );
}

interface CiteButtonProps extends CitationRequest {
  /** The visible text; the accessible name adds what is cited when the text alone would not say it. */
  children?: ReactNode;
}

/**
 * A visible 引用 button: a 44 px tap target around a small chip, whose negative margins keep the
 * line of text it sits in from growing.
 */
export function CiteButton({ children = "引用", ...request }: CiteButtonProps) {
  const open = useContext(OpenCitation);
  return (
    <button
      type="button"
      aria-haspopup="dialog"
      aria-label={children === "引用" ? `引用${request.label}` : undefined}
      onClick={(e) => open?.(request, e.currentTarget)}
      className="group/cite -my-2.5 inline-flex min-h-11 min-w-11 items-center justify-center align-middle font-sans"
    >
      <span className="rounded border border-stone-400 px-1.5 text-xs leading-5 text-stone-700 group-hover/cite:bg-stone-200 dark:border-stone-600 dark:text-stone-300 dark:group-hover/cite:bg-stone-800">
        {children}
      </span>
    </button>
  );
}
