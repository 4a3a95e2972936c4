import type { LinkBand } from "@/lib/generated/prisma/enums";
import type { LinkStatusView } from "@/lib/data/links";

export const BAND_LABEL: Record<LinkBand, string> = { strong: "强", medium: "中", weak: "弱" };

const BAND_CLASS: Record<LinkBand, string> = {
  strong:
    "border-emerald-700 bg-emerald-50 text-emerald-900 dark:border-emerald-400 dark:bg-emerald-950 dark:text-emerald-100",
  medium: "border-sky-700 bg-sky-50 text-sky-900 dark:border-sky-400 dark:bg-sky-950 dark:text-sky-100",
  weak: "border-stone-500 bg-stone-50 text-stone-800 dark:border-stone-500 dark:bg-stone-900 dark:text-stone-200",
};

/** The band as a word (强/中/弱), the colour only repeating it. */
export function BandBadge({ band }: { band: LinkBand }) {
  return (
    <span
      className={`inline-flex items-center rounded border px-1.5 text-xs leading-5 whitespace-nowrap ${BAND_CLASS[band]}`}
    >
      关联度 {BAND_LABEL[band]}
    </span>
  );
}

export const STATUS_LABEL: Record<LinkStatusView, string> = {
  confirmed: "编辑确认",
  suggested: "机器建议",
  orphaned: "待处理",
  rejected: "已驳回",
};

/** Why an orphaned link is shown at all: its passage changed at an ingest and an editor has to look again. */
export const ORPHANED_EXPLANATION = "原文或规划段落已变动，这条关联需编辑重新核对。";

interface StatusProps {
  status: LinkStatusView;
  decidedBy?: string | null;
}

export function LinkStatusBadge({ status, decidedBy }: StatusProps) {
  const label =
    status === "confirmed" && decidedBy ? `${STATUS_LABEL.confirmed}（${decidedBy}）` : STATUS_LABEL[status];
  const tone =
    status === "confirmed"
      ? "font-medium text-emerald-800 dark:text-emerald-300"
      : status === "orphaned"
        ? "font-medium text-amber-800 dark:text-amber-300"
        : "text-stone-600 dark:text-stone-400";
  return <span className={`text-xs whitespace-nowrap ${tone}`}>{label}</span>;
}

/** An editor's note on a link, as plain text (line breaks kept). */
export function LinkNote({ note, className = "" }: { note: string | null; className?: string }) {
  if (!note) return null;
  return (
    <p className={`text-xs leading-5 break-words whitespace-pre-line text-stone-700 dark:text-stone-300 ${className}`}>
      <span className="font-medium">编辑备注：</span>
      {note}
    </p>
  );
}
