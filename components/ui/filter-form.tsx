"use client";

import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { useHydrated } from "./use-hydrated";

interface FilterFormProps {
  /** The page the form filters (its GET action). */
  action: string;
  /** The form's accessible name. */
  label: string;
  /** Values that are the page's defaults: left out of the URL ("sort=date"). */
  defaults?: Record<string, string>;
  className?: string;
  children: ReactNode;
}

/**
 * A GET filter form that applies a choice as soon as it is made: on change it navigates to the
 * form's URL (empty and default values left out, so the page starts again at 1). Without script it
 * is a plain form with a submit button, which the script removes once it runs.
 */
export function FilterForm({ action, label, defaults = {}, className, children }: FilterFormProps) {
  const router = useRouter();
  // false on the server and in the HTML, true once hydrated: the button is only for script-less readers.
  const hydrated = useHydrated();
  return (
    <form
      method="get"
      action={action}
      aria-label={label}
      className={className}
      onChange={(event) => {
        const query = new URLSearchParams();
        for (const [name, value] of new FormData(event.currentTarget)) {
          if (typeof value === "string" && value !== "" && defaults[name] !== value) query.set(name, value);
        }
        const search = query.toString();
        router.push(search ? `${action}?${search}` : action, { scroll: false });
      }}
    >
      {children}
      {hydrated ? null : (
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-1.5 text-white hover:bg-brand-800">
          筛选
        </button>
      )}
    </form>
  );
}
