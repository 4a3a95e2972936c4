import Link from "next/link";
import { MatchStepper } from "@/components/search/match-stepper";
import { TERM_MARK_CLASS } from "@/components/ui/highlighted-text";

interface HighlightNoticeProps {
  q: string;
  /** The page's texts in reading order: each one's anchor and the places marked in it. */
  places: { anchor: string; ranges: readonly unknown[] }[];
  /** The same page without highlighting. */
  plainHref: string;
}

/** Says which search's words are marked on a reading page, with the way back and the way out. */
export function HighlightNotice({ q, places, plainHref }: HighlightNoticeProps) {
  const count = places.reduce((n, p) => n + p.ranges.length, 0);
  const first = places.find((p) => p.ranges.length);
  return (
    <aside
      aria-label="检索高亮"
      className="mb-6 flex flex-wrap items-baseline gap-x-4 gap-y-1 rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm dark:border-amber-700/60 dark:bg-amber-950/40"
    >
      <p>
        已标出检索词“<mark className={TERM_MARK_CLASS}>{q}</mark>”：{count ? `本页 ${count} 处` : "本页没有出现"}
      </p>
      {first ? <a href={`#${first.anchor}`}>跳到第一处</a> : null}
      {count > 1 ? <MatchStepper anchors={places.filter((p) => p.ranges.length).map((p) => p.anchor)} /> : null}
      <Link href={`/search?q=${encodeURIComponent(q)}`}>返回检索结果</Link>
      <Link href={plainHref}>取消标出</Link>
    </aside>
  );
}
