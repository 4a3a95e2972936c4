"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

interface Suggestion {
  type: "document" | "person" | "plan";
  label: string;
  url: string;
}

const TYPE_LABEL: Record<Suggestion["type"], string> = { document: "文档", person: "人物", plan: "规划" };

interface SearchBoxProps {
  /** The query the box holds when the page opens (on /search, the page's query). */
  initial?: string;
  /** /search's own box: taller, with a 检索 button. The header's is compact. */
  page?: boolean;
}

/**
 * The search box (header, or /search's own): "/" focuses it, holding its query; suggestions of titles,
 * people and plan nodes as you type; Esc closes them and keeps the query.
 */
export function SearchBox({ initial = "", page = false }: SearchBoxProps) {
  const router = useRouter();
  const [q, setQ] = useState(initial);
  const [items, setItems] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing =
        target &&
        (target.tagName === "INPUT" ||
          target.tagName === "TEXTAREA" ||
          target.tagName === "SELECT" ||
          target.isContentEditable);
      if (e.key === "/" && !typing && !e.metaKey && !e.ctrlKey) {
        e.preventDefault();
        input.current?.focus();
        // The query is there to be refined or replaced: selected, the next keystroke replaces it.
        input.current?.select();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    const term = q.trim();
    // Nothing to suggest until the reader is in the box (/search opens holding a query).
    if (!term || !open) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/v1/suggest?q=${encodeURIComponent(term.slice(0, 100))}`, {
          signal: controller.signal,
        });
        if (res.ok) {
          const body = (await res.json()) as { items: Suggestion[] };
          setItems(body.items);
          setActive(-1);
        }
      } catch {
        // Suggestions are a convenience: a failed fetch leaves the box usable.
      }
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, open]);

  const shown = open && q.trim() ? items : [];

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const choice = shown[active];
    setOpen(false);
    if (choice) router.push(choice.url);
    else if (q.trim()) router.push(`/search?q=${encodeURIComponent(q.trim())}`);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" && !open && items.length && q.trim()) {
      // Closed with Esc: the arrow opens the same suggestions again.
      e.preventDefault();
      setOpen(true);
    } else if (e.key === "ArrowDown" && shown.length) {
      e.preventDefault();
      setActive((a) => (a + 1) % shown.length);
    } else if (e.key === "ArrowUp" && shown.length) {
      e.preventDefault();
      setActive((a) => (a <= 0 ? shown.length - 1 : a - 1));
    } else if (e.key === "Escape") {
      // A search input clears itself on Esc; here Esc only closes the suggestions.
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  return (
    <form
      role="search"
      action="/search"
      onSubmit={submit}
      className={page ? "relative flex w-full max-w-2xl gap-2" : "relative w-full sm:w-72"}
    >
      <label htmlFor={`${listId}-input`} className="sr-only">
        全文检索
      </label>
      <input
        ref={input}
        id={`${listId}-input`}
        name="q"
        type="search"
        maxLength={2000}
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
        placeholder="检索发言、规划、报告（按 / 聚焦）"
        autoComplete="off"
        role="combobox"
        aria-expanded={shown.length > 0}
        aria-controls={`${listId}-list`}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${listId}-opt-${active}` : undefined}
        className={`w-full rounded-md border border-stone-300 bg-white px-3 dark:border-stone-700 dark:bg-stone-900 ${
          page ? "min-h-11 py-2" : "min-h-11 py-1.5 text-sm sm:min-h-0"
        }`}
      />
      {page ? (
        <button
          type="submit"
          className="min-h-11 shrink-0 rounded-md bg-brand-700 px-4 py-2 text-white hover:bg-brand-800"
        >
          检索
        </button>
      ) : null}
      {shown.length > 0 ? (
        <ul
          id={`${listId}-list`}
          role="listbox"
          aria-label="检索建议"
          className="absolute left-0 right-0 top-full z-20 mt-1 max-h-80 overflow-y-auto rounded-md border border-stone-200 bg-white py-1 text-sm shadow-lg dark:border-stone-700 dark:bg-stone-900"
        >
          {shown.map((s, i) => (
            <li
              key={`${s.type}-${s.url}`}
              id={`${listId}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                setOpen(false);
                router.push(s.url);
              }}
              className={`flex min-h-11 cursor-pointer items-baseline gap-2 px-3 py-1.5 sm:min-h-0 ${
                i === active ? "bg-stone-100 dark:bg-stone-800" : ""
              }`}
            >
              <span className="shrink-0 text-xs text-stone-600 dark:text-stone-400">{TYPE_LABEL[s.type]}</span>
              {/* The whole title, wrapped: long titles share their openings (关于…的建议) and differ at the end. */}
              <span className="min-w-0 leading-snug">{s.label}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
