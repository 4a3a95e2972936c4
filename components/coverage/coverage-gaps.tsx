import Link from "next/link";
import { TARGET_LABEL } from "@/components/plan/target-labels";
import type { Coverage } from "@/lib/data/coverage";
import { DOCUMENT_KINDS, KIND_LABEL } from "@/lib/kinds";
import { planNodeUrl } from "@/lib/urls";

const BOX = "rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900";

/** What nobody addresses: sections and subsections, goals and targets; and the documents that address no goal. */
export function CoverageGaps({ coverage }: { coverage: Coverage }) {
  const { uncoveredNodes, uncoveredTargets, unlinkedDocuments } = coverage;
  const documentGroups = DOCUMENT_KINDS.map((kind) => ({
    kind,
    items: unlinkedDocuments.filter((d) => d.kind === kind),
  })).filter((g) => g.items.length);
  return (
    <div className="space-y-8">
      <section aria-labelledby="gaps-nodes" className={BOX}>
        <h2 id="gaps-nodes" className="mb-1 text-lg font-semibold">
          没有文档涉及的节与小节（{uncoveredNodes.length}）
        </h2>
        {uncoveredNodes.length ? (
          <ul className="mt-2 gap-x-8 text-sm sm:columns-2">
            {uncoveredNodes.map((n) => (
              <li key={n.path} className={`break-inside-avoid py-0.5 ${n.kind === "subsection" ? "pl-4" : ""}`}>
                <Link href={planNodeUrl(n.path)}>{n.label}</Link>
                <span className="ml-1 text-xs text-stone-600 dark:text-stone-400">{n.path}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm">每一节和小节都至少有一篇文档涉及。</p>
        )}
      </section>

      <section aria-labelledby="gaps-targets" className={BOX}>
        <h2 id="gaps-targets" className="mb-1 text-lg font-semibold">
          没有文档涉及的目标与指标（{uncoveredTargets.length} / {coverage.totalTargets}）
        </h2>
        <p className="mb-2 text-sm text-stone-600 dark:text-stone-400">
          一个目标或指标算作“已涉及”：有文档与它直接关联，或关联的依据引用了它所在的规划段落。
        </p>
        {uncoveredTargets.length ? (
          <ul className="space-y-2 text-sm">
            {uncoveredTargets.map((t) => (
              <li key={t.id} className="leading-6">
                <span className="mr-1 font-medium">[{TARGET_LABEL[t.kind]}]</span>
                {t.text}
                <Link href={planNodeUrl(t.path)} className="ml-2 text-xs whitespace-nowrap">
                  规划 {t.path}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm">每个目标和指标都有文档涉及。</p>
        )}
      </section>

      <section aria-labelledby="gaps-documents" className={BOX}>
        <h2 id="gaps-documents" className="mb-1 text-lg font-semibold">
          没有对应规划目标的文档（{unlinkedDocuments.length}）
        </h2>
        <p className="mb-2 text-sm text-stone-600 dark:text-stone-400">
          它们谈的事务可能不在这份区级规划的范围内（例如市级事务），也可能只是机器没有找到足够的共同词。
        </p>
        {documentGroups.map((g) => (
          <div key={g.kind} className="mt-3">
            <h3 className="text-sm font-medium text-stone-700 dark:text-stone-300">
              {KIND_LABEL[g.kind]}（{g.items.length}）
            </h3>
            <ul className="mt-1 space-y-1 text-sm">
              {g.items.map((d) => (
                <li key={d.id}>
                  <Link href={d.url}>{d.title}</Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
        {unlinkedDocuments.length ? null : <p className="text-sm">所选范围内的每篇文档都对应到了规划目标。</p>}
      </section>
    </div>
  );
}
