import Link from "next/link";
import { BODY_LABEL } from "@/lib/bodies";
import type { PersonDetail, PersonRole } from "@/lib/data/people";
import { KIND_LABEL, PEOPLE_LABEL } from "@/lib/kinds";
import { formatDateZh, planNodeUrl, topicUrl } from "@/lib/urls";
import { PageHeader } from "@/components/ui/page-header";
import { DocumentExtractLine } from "@/components/documents/document-extract";

interface PersonPageProps {
  person: PersonDetail;
  /** Plan chapters their documents address, with how many of them each. */
  chapters: { path: string; label: string; documents: number }[];
}

const MUTED = "text-sm text-stone-600 dark:text-stone-400";

function span(r: PersonRole): string {
  if (r.from === r.to) return formatDateZh(r.from);
  return `${formatDateZh(r.from)}—${formatDateZh(r.to)}`;
}

/** A person: who they are over time, what they said (with extracts), the plan chapters and topics it addresses. */
export function PersonPage({ person, chapters }: PersonPageProps) {
  return (
    <div className="space-y-10">
      <PageHeader title={person.name} eyebrow={person.bodies.map((b) => BODY_LABEL[b]).join(" · ")} />

      <section aria-labelledby="roles-heading">
        <h2 id="roles-heading" className="mb-3 text-lg font-semibold">
          身份与任职
        </h2>
        <ol className="space-y-2">
          {person.roles.map((r) => (
            <li key={`${r.role}|${r.affiliation}`} className="flex flex-wrap gap-x-3">
              <span className="tabular-nums text-stone-600 dark:text-stone-400">{span(r)}</span>
              <span>{[r.role, r.affiliation].filter(Boolean).join("，") || "（未署身份）"}</span>
              <span className={MUTED}>
                {BODY_LABEL[r.body]} · {r.documents} 篇
              </span>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="docs-heading">
        <h2 id="docs-heading" className="mb-3 text-lg font-semibold">
          发言与文章（{person.documents.length}）
        </h2>
        <ul className="divide-y divide-stone-200 dark:divide-stone-800">
          {person.documents.map((d) => (
            <li key={d.id} className="py-3">
              <Link href={d.url} className="font-medium">
                {d.title}
              </Link>
              <p className={MUTED}>
                {KIND_LABEL[d.kind]} · {PEOPLE_LABEL[d.genre]} · {d.source} · {formatDateZh(d.date)}
              </p>
              {d.extract ? <DocumentExtractLine extract={d.extract} title={d.title} /> : null}
            </li>
          ))}
        </ul>
      </section>

      <div className="grid gap-10 md:grid-cols-2">
        <section aria-labelledby="chapters-heading">
          <h2 id="chapters-heading" className="mb-3 text-lg font-semibold">
            涉及的规划章节
          </h2>
          {chapters.length ? (
            <ul className="space-y-1">
              {chapters.map((c) => (
                <li key={c.path}>
                  <Link href={planNodeUrl(c.path)}>{c.label}</Link>
                  <span className={`ml-2 ${MUTED}`}>{c.documents} 篇</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-stone-600 dark:text-stone-400">
              {person.name}的发言与文章没有对应到大兴区“十四五”规划纲要的章节。
            </p>
          )}
        </section>

        <section aria-labelledby="topics-heading">
          <h2 id="topics-heading" className="mb-3 text-lg font-semibold">
            关注的主题
          </h2>
          {person.topics.length ? (
            <ul className="space-y-1">
              {person.topics.map((t) => (
                <li key={t.slug}>
                  <Link href={topicUrl(t.slug)}>{t.name}</Link>
                  <span className={`ml-2 ${MUTED}`}>{t.documents} 篇</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-stone-600 dark:text-stone-400">{person.name}的发言与文章没有标注主题。</p>
          )}
        </section>
      </div>
    </div>
  );
}
