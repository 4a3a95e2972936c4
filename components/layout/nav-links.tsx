"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

export interface NavItem {
  href: string;
  label: string;
}

/** The section a path belongs to: the item whose href is the path or one of its parents. */
export function currentSection(items: readonly NavItem[], pathname: string): string | undefined {
  return items.find((item) => pathname === item.href || pathname.startsWith(`${item.href}/`))?.href;
}

// On a phone the items sit in two rows of five columns sized to their labels, so none is left alone
// on a line (nine items, ten for an editor); wider screens let them flow. Every item is a 44 px tap target on a phone.
const ITEM_CLASS =
  "inline-flex min-h-11 items-center justify-center whitespace-nowrap px-0.5 text-stone-700 sm:min-h-0 sm:justify-start sm:px-0 dark:text-stone-300 aria-[current=page]:font-semibold aria-[current=page]:text-stone-950 aria-[current=page]:decoration-2 dark:aria-[current=page]:text-white";

/** The header's section links; the one the reader is in carries aria-current="page". */
export function NavLinks({ items, children }: { items: readonly NavItem[]; children?: ReactNode }) {
  const current = currentSection(items, usePathname());
  return (
    <nav
      aria-label="主导航"
      className="grid w-full grid-cols-[repeat(5,auto)] justify-between gap-x-1 text-[0.8125rem] sm:flex sm:w-auto sm:flex-wrap sm:gap-x-4 sm:text-sm"
    >
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={item.href === current ? "page" : undefined}
          className={ITEM_CLASS}
        >
          {item.label}
        </Link>
      ))}
      {children}
    </nav>
  );
}
