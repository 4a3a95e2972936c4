"use client";

import { createContext, lazy, Suspense, useCallback, useContext, useState, type ReactNode } from "react";
import type { CitationSource } from "@/lib/citation";

/** What one 引用 button cites: the page supplies the work, the button the part, paragraph and path. */
export interface CitationRequest {
  /** How the dialog names what is cited: "第10段", "全文", a plan node's label. */
  label: string;
  /** The stable path of what is cited (from lib/urls), made absolute in the browser. */
  path: string;
  paragraph?: number;
  /** A plan node's label, cited as a part of the plan. */
  part?: string;
}

const OpenCitation = createContext<((request: CitationRequest, trigger: HTMLElement) => void) | null>(null);

/** The dialog's chunk: fetched when a 引用 button is pointed at or focused, so a click seldom waits for it. */
const loadDialog = () => import("./citation-dialog");
/** A prefetch that fails stays quiet: the click's own load is the one that reports. */
const preloadDialog = () => void loadDialog().catch(() => undefined);
const CitationDialog = lazy(() => loadDialog().then((m) => ({ default: m.CitationDialog })));

/** One opening of the dialog: what is cited, from which button; `n` mounts a fresh dialog each time. */
interface Opening {
  request: CitationRequest;
  trigger: HTMLElement;
  n: number;
}

/**
 * One citation dialog for a page: every 引用 button under it opens the dialog with its part and
 * paragraph. The dialog and the citation formats load on the first 引用 (components/documents/
 * citation-dialog.tsx), so a reading page ships only the buttons.
 */
export function CitationProvider({ source, children }: { source: CitationSource; children: ReactNode }) {
  const [opening, setOpening] = useState<Opening | null>(null);
  const open = useCallback(
    (request: CitationRequest, trigger: HTMLElement) =>
      setOpening((previous) => ({ request, trigger, n: (previous?.n ?? 0) + 1 })),
    [],
  );
  return (
    <OpenCitation.Provider value={open}>
      {children}
      {opening ? (
        <Suspense fallback={null}>
          <CitationDialog key={opening.n} source={source} request={opening.request} trigger={opening.trigger} />
        </Suspense>
      ) : null}
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
      onPointerEnter={preloadDialog}
      onFocus={preloadDialog}
      className="group/cite -my-2.5 inline-flex min-h-11 min-w-11 items-center justify-center align-middle font-sans"
    >
      <span className="rounded border border-stone-400 px-1.5 text-xs leading-5 text-stone-700 group-hover/cite:bg-stone-200 dark:border-stone-600 dark:text-stone-300 dark:group-hover/cite:bg-stone-800">
        {children}
      </span>
    </button>
  );
}
