import Link from "next/link";
import { searchHref } from "@/components/search/search-results";
import { searchPageParams } from "@/lib/data/params";

/** Queries that show what the search understands: official words, everyday words, several words, a phrase. */
const EXAMPLES = ["人工智能", "碳达峰", "堵车", "养老院", "入园难", "京津冀 产业", '"国际消费中心"'];

/** The empty search page: example queries, each a link. */
export function SearchExamples() {
  return (
    <div>
      <p>输入关键词开始检索，例如：</p>
      <ul aria-label="检索示例" className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
        {EXAMPLES.map((q) => (
          <li key={q}>
            <Link href={searchHref(searchPageParams.parse({}), { q })}>{q}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
