import Link from "next/link";
import type { Coverage } from "@/lib/data/coverage";
import { KIND_LABEL } from "@/lib/kinds";
import { planNodeUrl } from "@/lib/urls";

/** The heatmap's numbers as a table: one row per chapter and section, one column per document group. */
export function CoverageTable({ coverage }: { coverage: Coverage }) {
  const { rows, columns } = coverage;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[36rem] border-collapse text-sm">
        <caption className="mb-2 text-left text-stone-600 dark:text-stone-400">
          各章节被涉及的文档篇数（一篇文档涉及某节，也计入它所在的章）
        </caption>
        <thead>
          <tr className="border-b border-stone-300 align-bottom dark:border-stone-700">
            <th scope="col" className="min-w-[14rem] py-2 pr-3 text-left font-semibold">
              规划章节
            </th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className="w-36 px-2 py-2 text-right font-medium">
                <span className="block">{KIND_LABEL[c.kind]}</span>
                <span className="block text-xs font-normal text-stone-600 dark:text-stone-400">{c.sourceTitle}</span>
              </th>
            ))}
            <th scope="col" className="py-2 pl-2 text-right font-semibold">
              合计
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const chapter = r.kind === "chapter";
            return (
              <tr
                key={r.path}
                className={`border-b border-stone-200 dark:border-stone-800 ${chapter ? "bg-stone-100 dark:bg-stone-900" : ""}`}
              >
                <th scope="row" className={`py-1.5 pr-3 text-left ${chapter ? "font-semibold" : "pl-4 font-normal"}`}>
                  <Link href={planNodeUrl(r.path)}>{r.label}</Link>
                </th>
                {columns.map((c) => {
                  const n = r.counts[c.key] ?? 0;
                  return (
                    <td
                      key={c.key}
                      className={`px-2 py-1.5 text-right tabular-nums ${n ? "" : "text-stone-500 dark:text-stone-400"}`}
                    >
                      {n}
                    </td>
                  );
                })}
                <td className="py-1.5 pl-2 text-right font-medium tabular-nums">{r.total}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr className="border-t border-stone-300 dark:border-stone-700">
            <th scope="row" className="py-2 pr-3 text-left font-normal text-stone-600 dark:text-stone-400">
              文档总数
            </th>
            {columns.map((c) => (
              <td key={c.key} className="px-2 py-2 text-right text-stone-600 tabular-nums dark:text-stone-400">
                {c.documents}
              </td>
            ))}
            <td className="py-2 pl-2 text-right text-stone-600 tabular-nums dark:text-stone-400">
              {columns.reduce((n, c) => n + c.documents, 0)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
