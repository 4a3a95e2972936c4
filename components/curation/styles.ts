/** Tap targets of at least 44px on phones (WCAG 2.5.5), a little tighter from sm up. */
const BASE =
  "inline-flex min-h-11 items-center justify-center rounded-md px-3 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-offset-2 disabled:cursor-not-allowed disabled:opacity-60 sm:min-h-9 dark:focus-visible:ring-offset-stone-900";

export const PRIMARY_BUTTON = `${BASE} bg-red-800 text-white hover:bg-red-900 focus-visible:ring-red-800/50`;
export const SECONDARY_BUTTON = `${BASE} border border-stone-400 bg-white text-stone-900 hover:bg-stone-100 focus-visible:ring-stone-500 dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100 dark:hover:bg-stone-800`;

export const FIELD =
  "block w-full rounded-md border border-stone-400 bg-white px-2 py-1.5 text-sm text-stone-900 focus:border-red-800 focus:outline-none focus:ring-2 focus:ring-red-800/30 dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100";

export const LABEL = "block text-xs font-medium text-stone-700 dark:text-stone-300";

export const ERROR_TEXT =
  "rounded-md border border-red-200 bg-red-50 px-2 py-1 text-xs text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100";
export const DONE_TEXT = "text-xs text-emerald-800 dark:text-emerald-300";

/** A disclosure's summary: keeps its marker (no flex), 44px tall on phones. */
export const SUMMARY = "cursor-pointer py-2.5 text-sm font-medium sm:py-1";
