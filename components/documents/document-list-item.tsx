import Link from "next/link";
import type { DocumentListItem as Item } from "@/lib/data/documents";
import { PEOPLE_LABEL } from "@/lib/kinds";
import { formatDateZh, personUrl } from "@/lib/urls";
import { TopicChips } from "@/components/topics/topic-chips";
import { DocumentExtractLine } from "./document-extract";

const Dot = () => (
  <span className="mx-2" aria-hidden="true">
    ·
  </span>
);

/** One document in a list: title, its people with their label and role, date, source, extract and topics. */
export function DocumentListItem({ document: d }: { document: Item }) {
  return (
    <li className="py-4">
      <h2 className="text-lg font-medium leading-snug">
        <Link href={d.url}>{d.title}</Link>
      </h2>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        {d.speakers.length ? (
          <span>
            {PEOPLE_LABEL[d.genre]}：
            {d.speakers.map((s, i) => (
              <span key={s.personId}>
                {i > 0 ? "；" : null}
                <Link href={personUrl(s.personId)} className="text-stone-700 dark:text-stone-300">
                  {s.name}
                </Link>
                {/* Beside the name, not in brackets: roles carry their own (市政协委员（经济界）). */}
                {s.role ? <span className="ml-1">{s.role}</span> : null}
              </span>
            ))}
          </span>
        ) : d.authoringOffice ? (
          <span>
            {PEOPLE_LABEL[d.genre]}：{d.authoringOffice}
          </span>
        ) : null}
        {d.speakers.length || d.authoringOffice ? <Dot /> : null}
        <time dateTime={d.date ?? undefined}>{formatDateZh(d.date)}</time>
        <Dot />
        {d.source.title}
      </p>
      {d.extract ? <DocumentExtractLine extract={d.extract} title={d.title} /> : null}
      <div className="mt-2">
        <TopicChips topics={d.topics} label={`《${d.title}》的主题`} />
      </div>
    </li>
  );
}
