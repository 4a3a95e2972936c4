import Link from "next/link";
import type { TopicChip } from "@/lib/data/topics";
import { topicUrl } from "@/lib/urls";

const CHIP =
  "inline-flex min-h-7 items-center rounded-full border border-teal-700/40 bg-teal-50 px-2.5 text-xs text-teal-900 no-underline hover:bg-teal-100 dark:border-teal-400/40 dark:bg-teal-950 dark:text-teal-100";

/** A document's or plan node's topics as links to the topics' pages. */
export function TopicChips({
  topics,
  label = "主题",
  small = false,
}: {
  topics: TopicChip[];
  label?: string;
  small?: boolean;
}) {
  if (!topics.length) return null;
  return (
    <ul aria-label={label} className={`flex flex-wrap items-center gap-1.5 ${small ? "font-sans" : ""}`}>
      {topics.map((t) => (
        <li key={t.slug}>
          <Link
            href={topicUrl(t.slug)}
            className={CHIP}
            title={t.origin === "editor" ? "编辑添加的主题" : `自动标注，得分 ${t.score.toFixed(2)}`}
            data-topic={t.slug}
          >
            {t.name}
            {t.origin === "editor" ? <span className="ml-1 text-[0.65rem] opacity-80">（编辑）</span> : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** The topics of one passage, quietly under it: why the document carries those chips. */
export function PassageTopics({ topics }: { topics: TopicChip[] }) {
  if (!topics.length) return null;
  return (
    <span className="ml-1 inline-flex flex-wrap gap-1 align-baseline font-sans text-[0.7rem] indent-0">
      <span className="sr-only">本段主题：</span>
      {topics.map((t) => (
        <Link
          key={t.slug}
          href={topicUrl(t.slug)}
          className="rounded border border-teal-700/30 px-1 leading-5 text-teal-800 no-underline dark:border-teal-400/30 dark:text-teal-200"
        >
          {t.name}
        </Link>
      ))}
    </span>
  );
}
