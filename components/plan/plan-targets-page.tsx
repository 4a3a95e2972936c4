import Link from "next/link";
import type { PlanTargetInContext } from "@/lib/data/plan";
import { planChapterUrl, planNodeUrl, planTargetsUrl } from "@/lib/urls";
import { PageHeader } from "@/components/ui/page-header";
import { SelectField } from "@/components/ui/select-field";
import { FilterForm } from "@/components/ui/filter-form";
import { formatTargetValue, TARGET_LABEL } from "./target-labels";

interface PlanTargetsPageProps {
  items: PlanTargetInContext[];
  /** Chapters that have goals or targets: the filter offers only these. */
  chapters: { path: string; label: string }[];
  chapter: string | undefined;
}

const CELL = "border-b border-stone-200 px-2 py-2 align-top dark:border-stone-800";

/** Every goal and target of the plan, chapter by chapter, with value, unit, year and the section it sits in. */
export function PlanTargetsPage({ items, chapters, chapter }: PlanTargetsPageProps) {
  const groups = chapters
    .map((c) => ({ ...c, items: items.filter((t) => t.chapter.path === c.path) }))
    .filter((g) => g.items.length);
  const goals = items.filter((t) => t.kind === "goal").length;
  return (
    <div>
      <PageHeader title="规划目标与指标" eyebrow={<Link href="/plan">十四五规划纲要</Link>}>
        <p className="text-stone-600 dark:text-stone-300">
          规划纲要提出的主要目标、远景目标和量化或限期指标：{goals} 项目标，{items.length - goals}{" "}
          项指标。点击内容可跳到它在规划原文中的位置。
        </p>
      </PageHeader>
      <FilterForm
        key={chapter ?? ""}
        action={planTargetsUrl()}
        label="按章节筛选"
        className="mb-6 flex items-end gap-3 text-sm"
      >
        <SelectField
          label="章节"
          name="chapter"
          value={chapter}
          allLabel="全部章节"
          options={chapters.map((c) => ({ value: c.path, label: c.label }))}
        />
      </FilterForm>
      <p role="status" className="mb-4 text-sm text-stone-600 dark:text-stone-400">
        共 {items.length} 项
      </p>
      {groups.map((g) => (
        <section key={g.path} aria-labelledby={`chapter-${g.path}`} className="mb-10">
          <h2 id={`chapter-${g.path}`} className="mb-2 text-lg font-semibold">
            <Link href={planChapterUrl(g.path)}>{g.label}</Link>
          </h2>
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`${g.label}的目标与指标`}>
            <table className="w-full min-w-[40rem] border-collapse text-sm">
              <thead>
                <tr className="text-left text-stone-600 dark:text-stone-400">
                  <th scope="col" className={CELL}>
                    类型
                  </th>
                  <th scope="col" className={CELL}>
                    内容
                  </th>
                  <th scope="col" className={CELL}>
                    数值
                  </th>
                  <th scope="col" className={CELL}>
                    单位
                  </th>
                  <th scope="col" className={CELL}>
                    年份
                  </th>
                  <th scope="col" className={CELL}>
                    所在章节
                  </th>
                </tr>
              </thead>
              <tbody>
                {g.items.map((t) => (
                  <tr key={t.id}>
                    <td className={`${CELL} whitespace-nowrap`}>{TARGET_LABEL[t.kind]}</td>
                    <td className={CELL}>
                      <Link href={t.url} className="font-medium">
                        {t.indicator ?? t.text}
                      </Link>
                      {t.indicator && t.indicator !== t.text ? (
                        <p className="mt-0.5 text-stone-600 dark:text-stone-400">{t.text}</p>
                      ) : null}
                    </td>
                    <td className={`${CELL} whitespace-nowrap tabular-nums`}>
                      {formatTargetValue(t, { withUnit: false }) ?? "—"}
                    </td>
                    <td className={`${CELL} whitespace-nowrap`}>{t.unit ?? "—"}</td>
                    <td className={`${CELL} whitespace-nowrap tabular-nums`}>{t.year ? `${t.year}年` : "—"}</td>
                    <td className={CELL}>
                      <Link href={planNodeUrl(t.section.path)}>{t.section.label}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
