import Link from "next/link";
import type { Coverage } from "@/lib/data/coverage";
import { DOCUMENT_KINDS, KIND_LABEL } from "@/lib/kinds";
import { PageHeader } from "@/components/ui/page-header";
import { SelectField } from "@/components/ui/select-field";
import { CoverageGaps } from "./coverage-gaps";
import { CoverageHeatmap } from "./coverage-heatmap";
import type { CoveragePageParams } from "@/lib/data/params";
import { coverageUrl } from "@/lib/urls";
import { CoverageTable } from "./coverage-table";

interface CoveragePageProps {
  coverage: Coverage;
  params: CoveragePageParams;
  /** Sources that hold documents, for the source filter. */
  sources: { id: string; title: string }[];
}

/** /coverage: which parts of the plan the documents address, and which nobody does. */
export function CoveragePage({ coverage, params, sources }: CoveragePageProps) {
  const documents = coverage.columns.reduce((n, c) => n + c.documents, 0);
  const filtered = !!(params.kind || params.source || params.status !== "visible");
  const csv = coverageUrl(params, "csv");
  return (
    <div className="space-y-10">
      <PageHeader title="规划覆盖情况">
        <p className="max-w-3xl text-stone-600 dark:text-stone-300">
          大兴区“十四五”规划纲要的各章节，被哪些大会发言、委员建议和调研报告涉及；哪些章节、目标和指标还没有人谈到。
        </p>
      </PageHeader>

      <form method="get" action="/coverage" className="flex flex-wrap items-end gap-3 text-sm" aria-label="筛选">
        <SelectField
          label="文档类型"
          name="kind"
          value={params.kind}
          allLabel="全部类型"
          options={DOCUMENT_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }))}
        />
        {/* Source titles are long: on a phone the select takes the row and no more. */}
        <div className="max-w-full [&_select]:max-w-full">
          <SelectField
            label="来源"
            name="source"
            value={params.source}
            allLabel="全部来源"
            options={sources.map((s) => ({ value: s.id, label: s.title }))}
          />
        </div>
        <SelectField
          label="关联状态"
          name="status"
          value={params.status === "visible" ? undefined : params.status}
          allLabel="机器建议与编辑确认"
          options={[{ value: "confirmed", label: "仅编辑确认" }]}
        />
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-1.5 text-white hover:bg-brand-800">
          筛选
        </button>
        {filtered ? <Link href="/coverage">清除筛选</Link> : null}
      </form>

      <section aria-labelledby="coverage-summary" className="space-y-4">
        <h2 id="coverage-summary" className="text-xl font-semibold">
          章节 × 文档
        </h2>
        <p className="text-sm">
          所选 {documents} 篇文档中，{coverage.linkedDocuments} 篇对应到规划目标；规划的 {coverage.totalTargets}{" "}
          个目标与指标中，{coverage.addressedTargets} 个有文档涉及。
          <a href={csv} className="ml-2">
            下载 CSV
          </a>
        </p>
        <CoverageHeatmap coverage={coverage} />
        <CoverageTable coverage={coverage} />
      </section>

      <CoverageGaps coverage={coverage} />
    </div>
  );
}
