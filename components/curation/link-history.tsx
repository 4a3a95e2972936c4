import type { LinkEventView } from "@/lib/data/curation";
import { STATUS_LABEL } from "@/components/links/link-meta";
import { actionLabel, formatDateTimeZh, recordStatus } from "./labels";

/** before → after of one event, in status words ("机器建议 → 编辑确认"); nothing when the status stayed. */
function StatusChange({ event }: { event: LinkEventView }) {
  const before = recordStatus(event.before);
  const after = recordStatus(event.after);
  if (!after || before === after) return null;
  return (
    <span className="text-stone-700 dark:text-stone-300">
      {before ? STATUS_LABEL[before] : "（新建）"}
      <span aria-hidden="true"> → </span>
      <span className="sr-only">变为</span>
      {STATUS_LABEL[after]}
    </span>
  );
}

/** A link's history, oldest first: who did what, when, from which status to which, and why. Public. */
export function LinkHistory({ events }: { events: readonly LinkEventView[] }) {
  if (!events.length) {
    return <p className="leading-7">这条关联还没有编辑记录：它由机器根据两边的共同关键词建议，尚未经人工核对。</p>;
  }
  return (
    <ol className="space-y-3 border-l-2 border-stone-300 pl-4 dark:border-stone-700">
      {events.map((e) => (
        <li key={e.id} className="space-y-1">
          <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
            <time dateTime={e.at} className="text-stone-600 dark:text-stone-400">
              {formatDateTimeZh(e.at)}
            </time>
            <span>
              <span className="font-medium">{e.actorName}</span> {actionLabel(e.action)}
            </span>
            <StatusChange event={e} />
          </p>
          {e.note ? (
            <p className="text-sm leading-6 break-words whitespace-pre-line">
              <span className="font-medium">备注：</span>
              {e.note}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
