import Link from "next/link";
import type { TopicDetail, TopicDocumentEntry, TopicPassage } from "@/lib/data/topics";
import { DOCUMENT_KINDS, type DocumentKind } from "@/lib/kinds";
import { documentListTopicUrl, formatDateZh, personUrl, topicFeedUrl, topicsUrl } from "@/lib/urls";
import { PageHeader } from "@/components/ui/page-header";
import { TARGET_LABEL } from "@/components/plan/target-labels";
import { percent, TOPIC_COLUMN_LABEL } from "./labels";

function Passage({ passage, label }: { passage: TopicPassage | null; label: string }) {
  if (!passage) return null;
  return (
    <blockquote className="mt-2 border-l-2 border-teal-600/50 pl-3 text-sm leading-6 text-stone-700 dark:text-stone-300">
      <p className="line-clamp-4">{passage.text}</p>
      <p className="mt-1 text-xs">
        <Link href={passage.url}>
          {label}第{passage.n}段
        </Link>
      </p>
    </blockquote>
  );
}

function DocumentList({
  kind,
  documents,
  slug,
}: {
  kind: DocumentKind;
  documents: TopicDocumentEntry[];
  slug: string;
}) {
  return (
    <section aria-labelledby={`kind-${kind}`} className="space-y-3">
      <h2 id={`kind-${kind}`} className="text-xl font-semibold">
        {TOPIC_COLUMN_LABEL[kind]}（{documents.length}）
      </h2>
      {documents.length ? (
        <>
          <ol className="divide-y divide-stone-200 dark:divide-stone-800">
            {documents.map((d) => (
              <li key={d.id} className="py-3">
                <h3 className="font-medium leading-snug">
                  <Link href={d.url}>{d.title}</Link>
                </h3>
                <p className="text-xs text-stone-600 dark:text-stone-400">
                  {d.speakers.map((s) => s.name).join("、")}
                  {d.speakers.length ? " · " : ""}
                  {d.sourceTitle} · {formatDateZh(d.date)} ·{" "}
                  {d.origin === "editor" ? "编辑添加" : `得分 ${d.score.toFixed(2)}`}
                  {d.terms.length ? ` · 依据词：${d.terms.slice(0, 4).join("、")}` : ""}
                </p>
                <Passage passage={d.passage} label="最相关段落：" />
              </li>
            ))}
          </ol>
          <p className="text-sm">
            <Link href={documentListTopicUrl(kind, slug)}>在{TOPIC_COLUMN_LABEL[kind]}列表中查看</Link>
          </p>
        </>
      ) : (
        <p className="text-sm text-stone-600 dark:text-stone-400">没有属于这个主题的{TOPIC_COLUMN_LABEL[kind]}。</p>
      )}
    </section>
  );
}

/** /topics/[slug]: the plan's sections and targets, the documents and the people on one topic, each with its best passage. */
export function TopicPage({ topic }: { topic: TopicDetail }) {
  return (
    <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_18rem] lg:gap-10">
      <div className="min-w-0 space-y-10">
        <nav aria-label="面包屑" className="text-sm">
          <Link href={topicsUrl}>主题</Link>
        </nav>
        <PageHeader title={topic.name}>
          <p className="text-stone-600 dark:text-stone-300">{topic.description}</p>
          <p className="text-sm">
            <a href={topicFeedUrl(topic.slug)} type="application/atom+xml">
              订阅本主题（Atom）
            </a>
          </p>
        </PageHeader>

        <section aria-labelledby="plan-heading" className="space-y-3">
          <h2 id="plan-heading" className="text-xl font-semibold">
            规划纲要章节（{topic.planNodes.length}）
          </h2>
          {topic.planNodes.length ? (
            <ol className="divide-y divide-stone-200 dark:divide-stone-800">
              {topic.planNodes.map((n) => (
                <li key={n.path} className="py-3">
                  <h3 className="font-medium leading-snug">
                    <Link href={n.url}>{n.label}</Link>
                  </h3>
                  <p className="text-xs text-stone-600 dark:text-stone-400">
                    得分 {n.score.toFixed(2)}
                    {n.terms.length ? ` · 依据词：${n.terms.slice(0, 4).join("、")}` : ""}
                  </p>
                  <Passage passage={n.passage} label="最相关段落：本节" />
                  {n.targets.length ? (
                    <ul className="mt-2 space-y-1 text-sm">
                      {n.targets.map((t) => (
                        <li key={t.id}>
                          <span className="font-medium">{TARGET_LABEL[t.kind]}：</span>
                          {t.text}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-sm text-stone-600 dark:text-stone-400">规划纲要中没有专门涉及这个主题的章节。</p>
          )}
        </section>

        {DOCUMENT_KINDS.map((k) => (
          <DocumentList key={k} kind={k} slug={topic.slug} documents={topic.documents.filter((d) => d.kind === k)} />
        ))}
      </div>

      <aside className="mt-10 space-y-6 lg:mt-0" aria-label="主题概况">
        <section className="rounded-lg border border-stone-200 bg-white p-4 text-sm dark:border-stone-800 dark:bg-stone-900">
          <h2 className="mb-2 font-semibold text-stone-600 dark:text-stone-400">关注度占比</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            {([...DOCUMENT_KINDS, "plan"] as const).map((k) => (
              <div key={k} className="contents">
                <dt>{TOPIC_COLUMN_LABEL[k]}</dt>
                <dd className="text-right tabular-nums">{percent(topic.attention[k])}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section
          aria-labelledby="people-heading"
          className="rounded-lg border border-stone-200 bg-white p-4 text-sm dark:border-stone-800 dark:bg-stone-900"
        >
          <h2 id="people-heading" className="mb-2 font-semibold text-stone-600 dark:text-stone-400">
            发言人与作者（{topic.people.length}）
          </h2>
          {topic.people.length ? (
            <ul className="space-y-1">
              {topic.people.map((p) => (
                <li key={p.personId}>
                  <Link href={personUrl(p.personId)}>{p.name}</Link>
                  <span className="ml-1 text-stone-600 dark:text-stone-400">（{p.documents}篇）</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-stone-600 dark:text-stone-400">无署名发言人或作者。</p>
          )}
        </section>
      </aside>
    </div>
  );
}
