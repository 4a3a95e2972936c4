"use client";

import { usePathname } from "next/navigation";
import { SearchBox } from "@/components/search/search-box";

/** The header's search box, everywhere but /search: that page has its own box, holding the query. */
export function HeaderSearch() {
  if (usePathname() === "/search") return null;
  return (
    <div className="w-full sm:ml-auto sm:w-auto">
      <SearchBox />
    </div>
  );
}
