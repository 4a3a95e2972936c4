import Link from "next/link";
import type { z } from "zod";
import type { listDocuments, listSources } from "@/lib/data/documents";
import type { listPeople } from "@/lib/data/people";
import type { listPageParams } from "@/lib/data/params";
import { KINDS, type DocumentKind } from "@/lib/kinds";
import { documentListUrl, formatDateZh, personUrl } from "@/lib/urls";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SelectField } from "@/components/ui/select-field";
import { TopicChips } from "@/components/topics/topic-chips";

interface DocumentListPageProps {
  kind: DocumentKind;
  /** The filters and page the list was read with. */
  params: z.infer<typeof listPageParams>;
  result: Awaited<ReturnType<typeof listDocuments>>;
  sources: Awaited<ReturnType<typeof listSources>>;
  people: Awaited<ReturnType<typeof listPeople>>;
  /** Topics that have documents under the other filters, with how many. */
  topics: { slug: string; name: string; count: number }[];
}

export function DocumentListPage({ kind, params, result, sources, people, topics }: DocumentListPageProps) {
  const kindSources = sources.filter((s) => result.total > 0 || s.documents > 0);
  const base = documentListUrl(kind);
  const href = (page: number) => {
    const q = new URLSearchParams();
    if (params.source) q.set("source", params.source);
    if (params.person) q.set("person", params.person);
    if (params.topic) q.set("topic", params.topic);
    if (page > 1) q.set("page", String(page));
    const s = q.toString();
    return s ? `${base}?${s}` : base;
  };
  return (
    <div>
      <PageHeader title={KINDS[kind].label}>
        <p className="text-stone-600 dark:text-stone-300">{KINDS[kind].intro}</p>
      </PageHeader>
      <form method="get" action={base} className="mb-6 flex flex-wrap items-end gap-3 text-sm" aria-label="筛选">
        <SelectField
          label="来源"
          name="source"
          value={params.source}
          allLabel="全部来源"
          options={kindSources.map((s) => ({ value: s.id, label: s.title }))}
        />
        <SelectField
          label="人物"
          name="person"
          value={params.person}
          allLabel="全部人物"
          options={people.map((p) => ({ value: p.id, label: p.name }))}
        />
        <SelectField
          label="主题"
          name="topic"
          value={params.topic}
          allLabel="全部主题"
          options={topics.map((t) => ({ value: t.slug, label: `${t.name}（${t.count}）` }))}
        />
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-1.5 text-white hover:bg-brand-800">
          筛选
        </button>
        {params.source || params.person || params.topic ? <Link href={base}>清除筛选</Link> : null}
      </form>
      <p className="mb-4 text-sm text-stone-600 dark:text-stone-400">共 {result.total} 篇</p>
      {result.items.length === 0 ? (
        <p>没有符合条件的内容。</p>
      ) : (
        <ol className="divide-y divide-stone-200 dark:divide-stone-800">
          {result.items.map((d) => (
            <li key={d.id} className="py-4">
              <h2 className="text-lg font-medium leading-snug">
                <Link href={d.url}>{d.title}</Link>
              </h2>
              <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
                {d.speakers.map((s, i) => (
                  <span key={s.personId}>
                    {i > 0 ? "、" : null}
                    <Link href={personUrl(s.personId)} className="text-stone-700 dark:text-stone-300">
                      {s.name}
                    </Link>
                    {s.role ? `（${s.role}）` : null}
                  </span>
                ))}
                {d.speakers.length === 0 && d.authoringOffice ? d.authoringOffice : null}
                <span className="mx-2" aria-hidden="true">
                  ·
                </span>
                {d.source.title}
                <span className="mx-2" aria-hidden="true">
                  ·
                </span>
                {formatDateZh(d.date)}
              </p>
              <div className="mt-2">
                <TopicChips topics={d.topics} label={`《${d.title}》的主题`} />
              </div>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} href={href} />
    </div>
  );
}
