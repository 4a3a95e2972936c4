import Link from "next/link";
import { EditorStatus } from "@/components/auth/editor-status";
import { EditorWorkbenchLink } from "@/components/curation/editor-links";
import { HeaderSearch } from "@/components/layout/header-search";
import { NavLinks } from "@/components/layout/nav-links";
import { DOCUMENT_KINDS, KIND_LABEL } from "@/lib/kinds";
import { documentListUrl, topicsUrl } from "@/lib/urls";

const nav = [
  { href: "/plan", label: "十四五规划" },
  { href: "/coverage", label: "规划覆盖" },
  { href: topicsUrl, label: "主题" },
  ...DOCUMENT_KINDS.map((kind) => ({ href: documentListUrl(kind), label: KIND_LABEL[kind] })),
  { href: "/people", label: "人物" },
  { href: "/api", label: "开放接口" },
];

export function SiteHeader() {
  return (
    <header className="border-b border-stone-200 bg-white/90 dark:border-stone-800 dark:bg-stone-900/90">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link
          href="/"
          className="text-lg font-semibold text-stone-900 no-underline hover:no-underline dark:text-stone-50"
        >
          政策对照
          <span className="ml-2 text-sm font-normal text-stone-500 dark:text-stone-400">Policy Proposal Explorer</span>
        </Link>
        <NavLinks items={nav}>
          <EditorWorkbenchLink />
        </NavLinks>
        <HeaderSearch />
        <EditorStatus />
      </div>
    </header>
  );
}
