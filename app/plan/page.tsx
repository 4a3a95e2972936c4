import { connection } from "next/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { getPlanOutline, type PlanOutlineNode } from "@/lib/data/plan";
import { planNodeTopics, type TopicChip } from "@/lib/data/topics";
import { TopicChips } from "@/components/topics/topic-chips";
import { planNodeLabel, planNodeUrl, planTargetsUrl } from "@/lib/urls";

export const metadata: Metadata = { title: "十四五规划纲要" };

function OutlineList({ nodes }: { nodes: PlanOutlineNode[] }) {
  return (
    <ol className="space-y-1.5">
      {nodes.map((n) => (
        <li key={n.path} className="pl-5">
          <Link href={planNodeUrl(n.path)}>{planNodeLabel(n)}</Link>
          {n.children.length ? <OutlineList nodes={n.children} /> : null}
        </li>
      ))}
    </ol>
  );
}

/**
 * The outline, folded by chapter: each chapter's link and topics stay in view, its sections and
 * subsections open under a native disclosure (keyboard-usable, no script).
 */
function Outline({ nodes, topics }: { nodes: PlanOutlineNode[]; topics: ReadonlyMap<string, TopicChip[]> }) {
  return (
    <ol className="space-y-3">
      {nodes.map((n) => (
        <li key={n.path} className="border-b border-stone-200 pb-3 dark:border-stone-800">
          <Link href={planNodeUrl(n.path)} className="font-medium">
            {planNodeLabel(n)}
          </Link>
          <div className="my-1">
            <TopicChips topics={topics.get(n.path) ?? []} label={`${n.title}的主题`} />
          </div>
          {n.children.length ? (
            <details className="mt-1">
              <summary className="cursor-pointer py-2.5 text-sm text-stone-600 dark:text-stone-400">
                {`展开 ${n.children.length} 节`}
                <span className="sr-only">：{n.title}</span>
              </summary>
              <OutlineList nodes={n.children} />
            </details>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export default async function PlanPage() {
  await connection(); // rendered per request: the corpus changes when it is re-ingested
  const [plan, topics] = await Promise.all([getPlanOutline(), planNodeTopics()]);
  if (!plan) notFound();
  const meta = Object.entries(plan.metadata);
  return (
    <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_20rem] lg:gap-10">
      <div>
        <PageHeader title={plan.title} eyebrow={plan.source.body} />
        <nav aria-label="规划纲要目录">
          <Outline nodes={plan.nodes} topics={topics} />
        </nav>
      </div>
      <aside className="mt-10 space-y-6 lg:mt-0">
        <section
          aria-labelledby="meta-heading"
          className="rounded-lg border border-stone-200 bg-white p-4 text-sm dark:border-stone-800 dark:bg-stone-900"
        >
          <h2 id="meta-heading" className="mb-2 font-semibold">
            文件信息
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            {meta.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-stone-600 dark:text-stone-400">{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section
          aria-labelledby="count-heading"
          className="rounded-lg border border-stone-200 bg-white p-4 text-sm dark:border-stone-800 dark:bg-stone-900"
        >
          <h2 id="count-heading" className="mb-2 font-semibold">
            识别出的目标与指标
          </h2>
          <ul>
            <li>主要目标与远景目标：{plan.targetCounts.goal ?? 0} 项</li>
            <li>量化或限期指标：{plan.targetCounts.target ?? 0} 项</li>
            <li>“十三五”成就数据：{plan.targetCounts.achievement ?? 0} 项</li>
          </ul>
          <p className="mt-2">
            <Link href={planTargetsUrl()}>全部目标与指标一览 →</Link>
          </p>
        </section>
      </aside>
    </div>
  );
}
