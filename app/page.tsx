import { connection } from "next/server";
import Link from "next/link";
import { listLatestDocuments, listSources } from "@/lib/data/documents";
import { getCorpusOverview } from "@/lib/data/overview";
import { listPeople } from "@/lib/data/people";
import { getPlanOutline } from "@/lib/data/plan";
import { DOCUMENT_KINDS, KINDS } from "@/lib/kinds";
import { documentListUrl, formatDateZh, personUrl, planChapterUrl, planNodeLabel } from "@/lib/urls";
import { HomeSearch } from "@/components/home/home-search";

const LEVEL = { district: "区级", municipal: "市级" } as const;

export default async function HomePage() {
  await connection(); // rendered per request: the corpus changes when it is re-ingested
  const [overview, sources, plan, speeches, reports, people] = await Promise.all([
    getCorpusOverview(),
    listSources(),
    getPlanOutline(),
    listLatestDocuments("speech", 5),
    listLatestDocuments("report", 5),
    listPeople(),
  ]);
  const stats = [
    ...DOCUMENT_KINDS.map((kind) => ({
      label: KINDS[kind].longLabel,
      value: overview.byKind[kind],
      href: documentListUrl(kind),
    })),
    { label: "规划条目", value: overview.planNodes, href: "/plan" },
  ];
  return (
    <div className="space-y-12">
      <section className="space-y-3">
        <h1 className="text-3xl font-semibold tracking-tight">政策对照</h1>
        <p className="max-w-3xl text-stone-600 dark:text-stone-300">
          汇集政协大会发言、委员建议、大兴区“十四五”规划纲要与市人大“十四五”专题调研报告，逐段可查、可引、可对照。
        </p>
      </section>

      <HomeSearch />

      <section aria-labelledby="corpus-heading" className="space-y-4">
        <h2 id="corpus-heading" className="text-xl font-semibold">
          资料库概况
        </h2>
        <ul className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          {stats.map((s) => (
            <li key={s.label}>
              <Link
                href={s.href}
                className="block rounded-lg border border-stone-200 bg-white p-4 text-inherit no-underline hover:border-brand-600 dark:border-stone-800 dark:bg-stone-900"
              >
                <span className="block text-sm text-stone-600 dark:text-stone-400">{s.label}</span>
                <span className="block text-2xl font-semibold tabular-nums">{s.value}</span>
              </Link>
            </li>
          ))}
        </ul>
        <p className="text-sm text-stone-600 dark:text-stone-400">共 {sources.length} 份原始资料：</p>
        <ul className="space-y-1 text-sm">
          {sources.map((s) => (
            <li key={s.id}>
              <span className="mr-2 rounded bg-stone-200 px-1.5 py-0.5 text-xs dark:bg-stone-800">
                {LEVEL[s.level]}
              </span>
              {s.title}（{formatDateZh(s.date)}，{s.documents ? `${s.documents} 篇` : "规划全文"}）
            </li>
          ))}
        </ul>
      </section>

      <div className="grid gap-10 lg:grid-cols-2">
        {plan ? (
          <section aria-labelledby="plan-heading">
            <h2 id="plan-heading" className="mb-3 text-xl font-semibold">
              <Link href="/plan">十四五规划纲要</Link>
            </h2>
            <ol className="space-y-1">
              {plan.nodes.map((c) => (
                <li key={c.path}>
                  <Link href={planChapterUrl(c.path)}>{planNodeLabel(c)}</Link>
                </li>
              ))}
            </ol>
            <p className="mt-3 text-sm">
              <Link href="/coverage">规划覆盖情况：哪些章节有人谈到，哪些还没有</Link>
            </p>
          </section>
        ) : null}
        <div className="space-y-10">
          <section aria-labelledby="speeches-heading">
            <h2 id="speeches-heading" className="mb-3 text-xl font-semibold">
              <Link href={documentListUrl("speech")}>{`最新${KINDS.speech.label}`}</Link>
            </h2>
            <ul className="space-y-2">
              {speeches.map((d) => (
                <li key={d.id}>
                  <Link href={d.url}>{d.title}</Link>
                  <span className="text-sm text-stone-600 dark:text-stone-400"> · {d.speakers[0]?.name}</span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="reports-heading">
            <h2 id="reports-heading" className="mb-3 text-xl font-semibold">
              <Link href={documentListUrl("report")}>{KINDS.report.label}</Link>
            </h2>
            <ul className="space-y-2">
              {reports.map((d) => (
                <li key={d.id}>
                  <Link href={d.url}>{d.title}</Link>
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>

      <section aria-labelledby="people-heading">
        <h2 id="people-heading" className="mb-3 text-xl font-semibold">
          <Link href="/people">人物</Link>
        </h2>
        <ul className="flex flex-wrap gap-2">
          {people.map((p) => (
            <li key={p.id}>
              <Link
                href={personUrl(p.id)}
                className="inline-block rounded-full border border-stone-300 px-3 py-1 text-sm dark:border-stone-700"
              >
                {p.name}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
