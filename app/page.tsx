import { connection } from "next/server";
import { getCorpusOverview } from "@/lib/data/overview";

export default async function HomePage() {
  await connection();
  const overview = await getCorpusOverview();
  const stats = [
    { label: "大会发言", value: overview.byKind.speech },
    { label: "委员建议与代表点评", value: overview.byKind.proposal },
    { label: "调研报告", value: overview.byKind.report },
    { label: "规划条目", value: overview.planNodes },
  ];
  return (
    <div className="space-y-10">
      <section className="space-y-3">
        <h1 className="text-3xl font-semibold tracking-tight">政策对照</h1>
        <p className="max-w-3xl text-stone-600 dark:text-stone-300">
          汇集政协大会发言、委员建议、大兴区“十四五”规划纲要与市人大“十四五”专题调研报告，逐段可查、可引、可对照。
        </p>
      </section>
      <section aria-labelledby="corpus-heading" className="space-y-4">
        <h2 id="corpus-heading" className="text-xl font-semibold">
          资料库概况
        </h2>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          {stats.map((s) => (
            <div key={s.label} className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
              <dt className="text-sm text-stone-500 dark:text-stone-400">{s.label}</dt>
              <dd className="text-2xl font-semibold tabular-nums" data-testid={`count-${s.label}`}>
                {s.value}
              </dd>
            </div>
          ))}
        </dl>
        <p className="text-sm text-stone-500 dark:text-stone-400">共 {overview.sources.length} 份原始资料。</p>
      </section>
    </div>
  );
}
