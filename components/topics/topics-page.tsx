import Link from "next/link";
import type { TopicSummary } from "@/lib/data/topics";
import { DOCUMENT_KINDS } from "@/lib/kinds";
import { documentListTopicUrl, topicUrl } from "@/lib/urls";
import { PageHeader } from "@/components/ui/page-header";
import { AttentionChart } from "./attention-chart";
import { percent, TOPIC_COLUMN_LABEL } from "./labels";

/** /topics: every topic with its counts, and how attention divides among them. */
export function TopicsPage({ topics }: { topics: TopicSummary[] }) {
  return (
    <div className="space-y-10">
      <PageHeader title="主题">
        <p className="max-w-3xl text-stone-600 dark:text-stone-300">
          按政策主题浏览全部大会发言、委员建议、调研报告和规划纲要章节。主题由定义词自动标注（逐段标注，再汇总到文档和规划章节），编辑可以增删；每篇文档页面上都能看到它为什么属于某个主题。
        </p>
      </PageHeader>

      <section aria-labelledby="topic-list-heading">
        <h2 id="topic-list-heading" className="mb-3 text-xl font-semibold">
          主题一览
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {topics.map((t) => (
            <li
              key={t.slug}
              className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
            >
              <h3 className="text-lg font-medium">
                <Link href={topicUrl(t.slug)}>{t.name}</Link>
              </h3>
              <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">{t.description}</p>
              <p className="mt-2 flex flex-wrap gap-x-3 text-sm">
                {DOCUMENT_KINDS.map((k) =>
                  t.counts[k] ? (
                    <Link key={k} href={documentListTopicUrl(k, t.slug)}>
                      {TOPIC_COLUMN_LABEL[k]} {t.counts[k]}
                    </Link>
                  ) : (
                    <span key={k} className="text-stone-500">
                      {TOPIC_COLUMN_LABEL[k]} 0
                    </span>
                  ),
                )}
                <span>规划章节 {t.counts.plan}</span>
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="attention-heading" className="space-y-4">
        <h2 id="attention-heading" className="text-xl font-semibold">
          关注度：委员与代表关注的，和规划侧重的
        </h2>
        <p className="max-w-3xl text-sm text-stone-600 dark:text-stone-300">
          每篇发言、建议、报告算一份关注度，按各主题的得分分摊；规划纲要按各章节的文字篇幅分摊。占比是在同类已标注主题的文档（或规划文字）中所占的份额，每一列合计为100%。发言或建议的占比明显高于规划的主题，是委员关注而规划着墨较少的地方，反之亦然。
        </p>
        <AttentionChart topics={topics} />
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="mb-2 text-left text-stone-600 dark:text-stone-400">
              各主题的篇数与关注度占比（图表的表格形式）
            </caption>
            <thead>
              <tr className="border-b border-stone-300 text-left dark:border-stone-700">
                <th scope="col" className="py-2 pr-4">
                  主题
                </th>
                {DOCUMENT_KINDS.map((k) => (
                  <th key={k} scope="col" className="py-2 pr-4 text-right">
                    {TOPIC_COLUMN_LABEL[k]}（篇，占比）
                  </th>
                ))}
                <th scope="col" className="py-2 pr-4 text-right">
                  规划纲要（章节，文字占比）
                </th>
              </tr>
            </thead>
            <tbody>
              {topics.map((t) => (
                <tr key={t.slug} className="border-b border-stone-200 dark:border-stone-800">
                  <th scope="row" className="py-1.5 pr-4 text-left font-normal">
                    <Link href={topicUrl(t.slug)}>{t.name}</Link>
                  </th>
                  {DOCUMENT_KINDS.map((k) => (
                    <td key={k} className="py-1.5 pr-4 text-right tabular-nums">
                      {t.counts[k]}，{percent(t.attention[k])}
                    </td>
                  ))}
                  <td className="py-1.5 pr-4 text-right tabular-nums">
                    {t.counts.plan}，{percent(t.attention.plan)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
