import Link from "next/link";

interface HighlightNoticeProps {
  q: string;
  /** How many places on this page are marked. */
  count: number;
  /** Anchor of the first marked place, if any. */
  firstAnchor: string | null;
  /** The same page without highlighting. */
  plainHref: string;
}

/** Says which search's words are marked on a reading page, with the way back and the way out. */
export function HighlightNotice({ q, count, firstAnchor, plainHref }: HighlightNoticeProps) {
  return (
    <aside aria-label="检索高亮" className="mb-6 flex flex-wrap items-baseline gap-x-4 gap-y-1 rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm dark:border-amber-700/60 dark:bg-amber-950/40">
      <p>
        已标出检索词“<mark className="rounded-sm bg-amber-200/80 px-0.5 text-inherit dark:bg-amber-500/30">{q}</mark>”：{count ? `本页 ${count} 处` : "本页没有出现"}
      </p>
      {firstAnchor ? <a href={`#${firstAnchor}`}>跳到第一处</a> : null}
      <Link href={`/search?q=${encodeURIComponent(q)}`}>返回检索结果</Link>
      <Link href={plainHref}>取消标出</Link>
    </aside>
  );
}
