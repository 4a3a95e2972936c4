import Link from "next/link";
import { SearchExamples } from "@/components/search/search-examples";
import { coverageUrl, topicsUrl } from "@/lib/urls";

/** The home page's search: a plain GET form to /search (works without script), examples, and what the site does. */
export function HomeSearch() {
  return (
    <section aria-labelledby="home-search-heading" className="space-y-4">
      <h2 id="home-search-heading" className="text-xl font-semibold">
        检索资料库
      </h2>
      <form role="search" method="get" action="/search" aria-label="检索资料库" className="flex max-w-2xl gap-2">
        <label htmlFor="home-q" className="sr-only">
          检索词
        </label>
        <input
          id="home-q"
          type="search"
          name="q"
          required
          maxLength={2000}
          placeholder="例如：养老院、碳达峰"
          className="min-h-11 w-full rounded-md border border-stone-300 bg-white px-3 text-base dark:border-stone-700 dark:bg-stone-900"
        />
        <button type="submit" className="min-h-11 shrink-0 rounded-md bg-brand-700 px-5 text-white hover:bg-brand-800">
          检索
        </button>
      </form>
      <SearchExamples />
      <div>
        <h3 className="mb-2 font-medium">在这里可以做什么</h3>
        <ul className="list-disc space-y-1 pl-5 text-stone-700 dark:text-stone-300">
          <li>
            逐段阅读政协大会发言、委员建议、人大调研报告和大兴区“十四五”规划纲要，每一段都有固定链接，可直接引用。
          </li>
          <li>全文检索：日常说法也能找到政策用语，例如“堵车”会找到“交通拥堵”。</li>
          <li>
            对照规划：每篇发言对应哪些规划目标，哪些章节有人谈到、哪些无人问津——见
            <Link href={coverageUrl({ status: "visible" })}>规划覆盖情况</Link>。
          </li>
          <li>
            按<Link href={topicsUrl}>主题</Link>或<Link href="/people">人物</Link>浏览，查看
            <Link href="/plan/targets">规划目标与指标</Link>。
          </li>
        </ul>
      </div>
    </section>
  );
}
