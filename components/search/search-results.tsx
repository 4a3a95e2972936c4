import Link from "next/link";
import type { SearchResult } from "@/lib/data/search";
import { loadTaxonomy } from "@/lib/topics/taxonomy";
import { SEARCH_PAGE_SIZE, type SearchPageParams } from "@/lib/data/params";
import { SEARCH_KIND_LABEL } from "@/lib/kinds";
import { FACETS } from "@/lib/search/sql";
import { HighlightedText } from "@/components/ui/highlighted-text";
import { Pagination } from "@/components/ui/pagination";
import { describeMatch } from "@/components/search/match-label";
import { SearchExamples } from "@/components/search/search-examples";
import { withHighlight } from "@/lib/urls";

export function searchHref(params: SearchPageParams, change: Partial<SearchPageParams>): string {
  const next = { ...params, page: 1, ...change };
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(next)) {
    if (v === undefined || v === "" || (k === "page" && v === 1) || (k === "sort" && v === "relevance")) continue;
    q.set(k, String(v));
  }
  return `/search?${q.toString()}`;
}

interface FacetProps {
  title: string;
  name: (typeof FACETS)[number];
  counts: Record<string, number>;
  labels: Record<string, string>;
  params: SearchPageParams;
}

function Facet({ title, name, counts, labels, params }: FacetProps) {
  const entries = Object.entries(counts);
  if (!entries.length) return null;
  const selected = params[name] === undefined ? undefined : String(params[name]);
  return (
    <section aria-label={title} className="mb-5">
      <h3 className="mb-1 text-sm font-semibold text-stone-600 dark:text-stone-400">{title}</h3>
      <ul className="space-y-0.5 text-sm">
        {entries.map(([key, n]) => {
          const on = selected === key;
          const value = name === "year" ? Number(key) : key;
          return (
            <li key={key}>
              <Link
                href={searchHref(params, { [name]: on ? undefined : value })}
                aria-current={on ? "true" : undefined}
                className={on ? "font-semibold" : ""}
              >
                {on ? "✓ " : ""}
                {labels[key] ?? key}
              </Link>{" "}
              <span className="text-stone-600 dark:text-stone-400">({n})</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

const NO_FILTERS = {
  kind: undefined,
  source: undefined,
  person: undefined,
  year: undefined,
} satisfies Partial<SearchPageParams>;

/** Related searches (thesaurus and corpus), each a link to a fresh search for it. */
function RelatedSearches({ related, params }: { related: readonly string[]; params: SearchPageParams }) {
  if (!related.length) return null;
  return (
    <nav aria-label="相关检索" className="mt-3 text-sm">
      <span className="text-stone-600 dark:text-stone-400">相关检索：</span>
      <ul className="inline-flex flex-wrap gap-x-3 gap-y-1">
        {related.map((r) => (
          <li key={r}>
            <Link href={searchHref(params, { ...NO_FILTERS, q: r })}>{r}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Which words were also looked for: thesaurus neighbours and synonyms of the typed words. */
function ExpansionNotice({ result }: { result: SearchResult }) {
  const expanded = result.query.clauses.flat().filter((t) => t.expansions.length);
  if (!expanded.length) return null;
  return (
    <p className="mb-3 text-sm text-stone-600 dark:text-stone-400">
      同时检索了相关说法（排在原词之后）：
      {expanded.map((t) => `${t.raw} → ${t.expansions.map((e) => e.norm).join("、")}`).join("；")}
    </p>
  );
}

/** Nothing matched: offer the looser searches that the query itself suggests. */
function NoResults({
  result,
  params,
  filtered,
}: {
  result: SearchResult;
  params: SearchPageParams;
  filtered: boolean;
}) {
  const terms = result.query.clauses.flat().map((t) => (t.phrase ? `"${t.raw}"` : t.raw));
  const looser = [
    ...(filtered ? [{ label: "去掉筛选条件", href: searchHref(params, NO_FILTERS) }] : []),
    ...(terms.length > 1
      ? [{ label: `任一词：${terms.join(" OR ")}`, href: searchHref(params, { q: terms.join(" OR ") }) }]
      : []),
    ...(terms.length > 1 ? terms.map((t) => ({ label: `只搜“${t}”`, href: searchHref(params, { q: t }) })) : []),
  ];
  return (
    <div className="space-y-2">
      <p>没有找到结果。可以减少关键词、去掉引号，或换一种说法。</p>
      <RelatedSearches related={result.related} params={params} />
      {result.related.length || looser.length ? null : <SearchExamples />}
      {looser.length ? (
        <ul aria-label="放宽检索" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {looser.map((l) => (
            <li key={l.href}>
              <Link href={l.href}>{l.label}</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const FACET_TITLES = { kind: "类型", source: "来源", person: "人物", year: "年份", topic: "主题" } as const;

export function SearchResults({
  result,
  params,
  sourceLabels,
  personLabels,
}: {
  result: SearchResult;
  params: SearchPageParams;
  sourceLabels: Record<string, string>;
  personLabels: Record<string, string>;
}) {
  const exportQuery = new URLSearchParams(searchHref(params, {}).split("?")[1]);
  exportQuery.delete("page");
  const labels: Record<(typeof FACETS)[number], Record<string, string>> = {
    kind: SEARCH_KIND_LABEL,
    source: sourceLabels,
    person: personLabels,
    year: {},
    topic: Object.fromEntries(loadTaxonomy().map((t) => [t.slug, t.name])),
  };
  const active = FACETS.filter((name) => params[name] !== undefined);
  const facets = FACETS.map((name) => (
    <Facet
      key={name}
      title={FACET_TITLES[name]}
      name={name}
      counts={result.facets[name]}
      labels={labels[name]}
      params={params}
    />
  ));
  const pages = Math.max(1, Math.ceil(result.total / SEARCH_PAGE_SIZE));
  return (
    <div className="lg:grid lg:grid-cols-[14rem_minmax(0,1fr)] lg:gap-8">
      {/* The facets come first (a sidebar, or folded above the results on a phone): a keyboard skips them. */}
      {result.hits.length ? (
        <a
          href="#results"
          className="sr-only focus:not-sr-only focus:absolute focus:z-30 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-stone-900"
        >
          跳到结果
        </a>
      ) : null}
      <aside aria-label="筛选条件" className="mb-6 lg:mb-0">
        {/* On a phone the facets fold away above the results; on a wide screen they are a sidebar. */}
        <details className="rounded-lg border border-stone-200 bg-white px-4 py-2 lg:hidden dark:border-stone-800 dark:bg-stone-900">
          <summary className="cursor-pointer py-1 text-sm font-medium">
            筛选：类型、来源、人物、年份、主题{active.length ? `（已选 ${active.length} 项）` : ""}
          </summary>
          <div className="mt-3">{facets}</div>
        </details>
        <div className="hidden lg:block">{facets}</div>
      </aside>
      <div>
        {active.length ? (
          <ul aria-label="已选筛选条件" className="mb-3 flex flex-wrap items-center gap-2 text-sm">
            {active.map((name) => {
              const key = String(params[name]);
              const label = `${FACET_TITLES[name]}：${labels[name][key] ?? key}`;
              return (
                <li key={name}>
                  <Link
                    href={searchHref(params, { [name]: undefined })}
                    aria-label={`取消筛选 ${label}`}
                    className="inline-flex items-center gap-1 rounded-full border border-brand-700/40 bg-brand-50 px-3 py-0.5 no-underline dark:bg-stone-800"
                  >
                    {label}
                    <span aria-hidden="true">×</span>
                  </Link>
                </li>
              );
            })}
            {active.length > 1 ? (
              <li>
                <Link href={searchHref(params, NO_FILTERS)}>清除全部筛选</Link>
              </li>
            ) : null}
          </ul>
        ) : null}
        <div className="mb-4 flex flex-wrap items-center justify-between gap-3 text-sm">
          <p role="status">
            找到 <strong>{result.total}</strong> 篇（段落按文档与规划条目归组）
            {result.total > 0 && result.complete < result.total && result.query.clauses.length > 0
              ? result.complete > 0
                ? `，其中 ${result.complete} 篇包含全部检索词，其余为部分匹配`
                : "，均为部分匹配"
              : ""}
          </p>
          <div className="flex flex-wrap gap-3">
            <span>
              排序：
              {params.sort === "relevance" ? (
                <strong>相关度</strong>
              ) : (
                <Link href={searchHref(params, { sort: "relevance" })}>相关度</Link>
              )}
              {" / "}
              {params.sort === "date" ? (
                <strong>日期</strong>
              ) : (
                <Link href={searchHref(params, { sort: "date" })}>日期</Link>
              )}
            </span>
            <a href={`/api/v1/search?${exportQuery.toString()}&format=csv`}>导出 CSV</a>
            <a href={`/api/v1/search?${exportQuery.toString()}&format=json`}>导出 JSON</a>
          </div>
        </div>
        {result.total > 0 ? <ExpansionNotice result={result} /> : null}
        {result.total > 0 && result.complete < result.total ? (
          <p className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm dark:border-amber-700 dark:bg-stone-800">
            {result.complete === 0
              ? result.query.clauses.length > 1
                ? "没有同时包含全部检索词的结果，"
                : "没有包含检索词本身或其同义说法的结果，"
              : "包含全部检索词的结果排在前面，"}
            以下也列出部分匹配（只含其中一部分词、复合词的组成部分，或只含相关的、更宽泛的说法），并注明未找到的词。
          </p>
        ) : null}
        {result.hits.length > 0 ? <RelatedSearches related={result.related} params={params} /> : null}
        {result.hits.length === 0 && result.total > 0 ? (
          <p>
            第 {params.page} 页已超出结果范围（共 {pages} 页）。
            <Link href={searchHref(params, { page: pages })}>转到第 {pages} 页</Link>
          </p>
        ) : result.hits.length === 0 ? (
          <NoResults result={result} params={params} filtered={active.length > 0} />
        ) : (
          <ol id="results" tabIndex={-1} aria-label="检索结果" className="space-y-6 focus:outline-none">
            {result.hits.map((h) => (
              <li key={h.url}>
                <article aria-label={h.title}>
                  <p className="text-xs text-stone-600 dark:text-stone-400">
                    {SEARCH_KIND_LABEL[h.kind]}
                    {h.breadcrumb.length ? ` · ${h.breadcrumb.join(" › ")}` : ""}
                    {h.speakers.length ? ` · ${h.speakers.join("、")}` : ""}
                    {h.date ? ` · ${h.date}` : ""}
                  </p>
                  <h2 className="text-lg font-medium leading-snug">
                    <Link href={withHighlight(h.url, params.q)}>{h.title}</Link>
                  </h2>
                  <ul className="mt-1 space-y-1">
                    {h.passages.map((p) => (
                      <li key={p.paragraphId} className="text-[0.95rem] leading-7">
                        <Link href={withHighlight(p.url, params.q)} className="mr-2 text-xs">
                          ¶{p.n}
                        </Link>
                        <HighlightedText text={p.snippet.text} ranges={p.snippet.highlights} />
                      </li>
                    ))}
                  </ul>
                  {h.matches.length ? (
                    <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">
                      匹配：{h.matches.map(describeMatch).join("；")}
                    </p>
                  ) : null}
                  {h.missing.length ? (
                    <p className="mt-1 text-xs text-amber-800 dark:text-amber-300">
                      部分匹配，未找到：{h.missing.join("、")}
                    </p>
                  ) : null}
                </article>
              </li>
            ))}
          </ol>
        )}
        <Pagination
          page={params.page}
          pageSize={SEARCH_PAGE_SIZE}
          total={result.total}
          href={(page) => searchHref(params, { page })}
        />
      </div>
    </div>
  );
}
