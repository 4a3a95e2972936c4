import Link from "next/link";
import type { z } from "zod";
import type { listDocuments, listSources } from "@/lib/data/documents";
import type { listPeople } from "@/lib/data/people";
import type { DocumentSort, listPageParams } from "@/lib/data/params";
import { KINDS, type DocumentKind } from "@/lib/kinds";
import { documentListUrl } from "@/lib/urls";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SelectField } from "@/components/ui/select-field";
import { FilterForm } from "@/components/ui/filter-form";
import { DocumentListItem } from "./document-list-item";

/** The orders a list offers, as the 排序 select names them. */
const SORT_LABEL: Record<DocumentSort, string> = {
  date: "按日期（新→旧）",
  title: "按标题（拼音）",
  source: "按来源",
};

interface DocumentListPageProps {
  kind: DocumentKind;
  /** The filters, order and page the list was read with. */
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
    if (params.sort !== "date") q.set("sort", params.sort);
    if (page > 1) q.set("page", String(page));
    const s = q.toString();
    return s ? `${base}?${s}` : base;
  };
  const filtered = params.source || params.person || params.topic;
  return (
    <div>
      <PageHeader title={KINDS[kind].label}>
        <p className="text-stone-600 dark:text-stone-300">{KINDS[kind].intro}</p>
      </PageHeader>
      {/* Keyed by the URL's choices: a navigation (清除筛选, a chip) remounts the selects with the new values. */}
      <FilterForm
        key={JSON.stringify(params)}
        action={base}
        label="筛选"
        defaults={{ sort: "date" }}
        className="mb-6 flex flex-wrap items-end gap-3 text-sm"
      >
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
        <SelectField
          label="排序"
          name="sort"
          value={params.sort}
          options={Object.entries(SORT_LABEL).map(([value, label]) => ({ value, label }))}
        />
        {filtered ? (
          <Link href={params.sort === "date" ? base : `${base}?sort=${params.sort}`} className="py-1.5">
            清除筛选
          </Link>
        ) : null}
      </FilterForm>
      <p role="status" className="mb-4 text-sm text-stone-600 dark:text-stone-400">
        共 {result.total} 篇
      </p>
      {result.items.length === 0 ? (
        <p>没有符合条件的内容。</p>
      ) : (
        <ol className="divide-y divide-stone-200 dark:divide-stone-800">
          {result.items.map((d) => (
            <DocumentListItem key={d.id} document={d} />
          ))}
        </ol>
      )}
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} href={href} />
    </div>
  );
}
