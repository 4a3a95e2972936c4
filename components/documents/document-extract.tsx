import Link from "next/link";
import type { DocumentExtract } from "@/lib/extract";

/** What the extract is, as the list names it. */
const BASIS_LABEL: Record<DocumentExtract["basis"], string> = { recommendation: "首条建议", abstract: "摘要" };

/** A document's extract (its first recommendation or its abstract), linking to the paragraph it comes from. */
export function DocumentExtractLine({ extract, title }: { extract: DocumentExtract & { url: string }; title: string }) {
  return (
    <p className="mt-2 max-w-3xl text-[0.95rem] leading-relaxed text-stone-700 dark:text-stone-300">
      <span className="mr-2 rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-700 dark:bg-stone-800 dark:text-stone-300">
        {BASIS_LABEL[extract.basis]}
      </span>
      {extract.text}
      {/* Named by its paragraph only: the title is the item's own link (a reader finds it by name). */}
      <Link href={extract.url} className="ml-2 whitespace-nowrap text-sm" title={`《${title}》第${extract.n}段`}>
        第{extract.n}段 →
      </Link>
    </p>
  );
}
