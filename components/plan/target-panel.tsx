import Link from "next/link";
import type { LinkedDocument } from "@/lib/data/links";
import type { PlanNodeDetail, PlanTargetDto } from "@/lib/data/plan";
import { shortDocumentName } from "@/components/links/plan-links";
import { formatTargetValue, TARGET_LABEL } from "./target-labels";
import { hashUrl, planTargetAnchor, planTargetPanelAnchor } from "@/lib/urls";

/** "≥ 99% · 2025年 · 7.1.1": value, deadline and where it stands, whatever of them is known. */
function describeTarget(t: PlanTargetDto): string {
  return [formatTargetValue(t), t.year ? `${t.year}年` : null, t.path].filter(Boolean).join(" · ");
}

function collect(node: PlanNodeDetail): PlanTargetDto[] {
  return [...node.targets, ...node.children.flatMap(collect)];
}

/** "涉及：张三、李四": the documents that address a target, each linking to its page. */
function AddressedBy({ documents }: { documents: readonly LinkedDocument[] }) {
  return (
    <p className="mt-0.5 text-xs leading-5">
      <span className="text-stone-600 dark:text-stone-400">涉及：</span>
      {documents.map((d, i) => (
        <span key={d.id}>
          {i ? "、" : null}
          {d.url ? (
            <Link href={d.url} title={d.title}>
              {shortDocumentName(d)}
            </Link>
          ) : (
            shortDocumentName(d)
          )}
        </span>
      ))}
    </p>
  );
}

interface TargetPanelProps {
  node: PlanNodeDetail;
  /** Who addressed each target, by target id (from the chapter's links). */
  addressedBy?: ReadonlyMap<string, LinkedDocument[]>;
}

export function TargetPanel({ node, addressedBy }: TargetPanelProps) {
  const targets = collect(node);
  const groups = (["goal", "target", "achievement"] as const)
    .map((kind) => ({ kind, items: targets.filter((t) => t.kind === kind) }))
    .filter((g) => g.items.length);
  return (
    <aside
      aria-labelledby="targets-heading"
      className="rounded-lg border border-stone-200 bg-white p-4 text-sm dark:border-stone-800 dark:bg-stone-900 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto"
    >
      <h2 id="targets-heading" className="mb-3 font-semibold">
        本章目标与指标
      </h2>
      {groups.length === 0 ? (
        <p className="text-stone-600 dark:text-stone-400">本章没有识别出量化指标或目标。</p>
      ) : null}
      {groups.map((g) => (
        <section key={g.kind} className="mb-4" aria-label={TARGET_LABEL[g.kind]}>
          <h3 className="mb-1 font-medium text-stone-600 dark:text-stone-400">
            {TARGET_LABEL[g.kind]}（{g.items.length}）
          </h3>
          <ul className="space-y-2">
            {g.items.map((t) => (
              <li key={t.id} id={planTargetPanelAnchor(t.id)} className="scroll-mt-4">
                <a href={hashUrl(planTargetAnchor(t.id))} className="block">
                  {t.indicator ?? t.text.slice(0, 24)}
                </a>
                <span className="text-stone-600 dark:text-stone-400">{describeTarget(t)}</span>
                {addressedBy?.get(t.id) ? <AddressedBy documents={addressedBy.get(t.id)!} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}
