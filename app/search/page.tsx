import type { Metadata } from "next";
import { Suspense } from "react";
import { SearchBox } from "@/components/search/search-box";
import { SearchExamples } from "@/components/search/search-examples";
import { SearchResults } from "@/components/search/search-results";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingState } from "@/components/ui/segment-states";
import { listSources } from "@/lib/data/documents";
import {
  flatSearchParams,
  SEARCH_PAGE_SIZE,
  searchPageParams,
  type SearchPageParams,
  type SearchParamsInput,
} from "@/lib/data/params";
import { listPeople } from "@/lib/data/people";
import { searchCorpus } from "@/lib/data/search";

export async function generateMetadata({ searchParams }: { searchParams: SearchParamsInput }): Promise<Metadata> {
  const { q } = searchPageParams.parse(await flatSearchParams(searchParams));
  return { title: q ? `检索：${q}` : "全文检索" };
}

async function Results({ params }: { params: SearchPageParams }) {
  const [result, sources, people] = await Promise.all([
    searchCorpus({
      q: params.q,
      filters: {
        kind: params.kind,
        source: params.source,
        person: params.person,
        year: params.year,
        topic: params.topic,
      },
      page: params.page,
      pageSize: SEARCH_PAGE_SIZE,
      sort: params.sort,
    }),
    listSources(),
    listPeople(),
  ]);
  return (
    <SearchResults
      result={result}
      params={params}
      sourceLabels={Object.fromEntries(sources.map((s) => [s.id, s.title]))}
      personLabels={Object.fromEntries(people.map((p) => [p.id, p.name]))}
    />
  );
}

export default async function SearchPage({ searchParams }: { searchParams: SearchParamsInput }) {
  const params = searchPageParams.parse(await flatSearchParams(searchParams));
  return (
    <div>
      <PageHeader title={params.q ? `检索：${params.q}` : "全文检索"}>
        {/* The page's own box holds the query (the header's is hidden here): one box, and "/" finds it. */}
        <SearchBox key={params.q} initial={params.q} page />
        <p className="text-sm text-stone-600 dark:text-stone-400">
          多个词：都包含的排在前面，只含部分词的随后列出；日常说法也会找到对应的政策用语（如 堵车 → 交通拥堵）；
          {'"加引号"'}精确匹配（单字加引号则不限词义）；-词 排除；词 OR 词 任一即可。
        </p>
      </PageHeader>
      {params.q ? (
        <Suspense key={JSON.stringify(params)} fallback={<LoadingState />}>
          <Results params={params} />
        </Suspense>
      ) : (
        <SearchExamples />
      )}
    </div>
  );
}
