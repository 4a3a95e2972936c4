import type { CurationAction } from "@/lib/data/curation";
import type { LinkStatusView } from "@/lib/data/links";

/** An audit event's action as a reader reads it. */
export const ACTION_LABEL: Record<CurationAction, string> = {
  add: "添加",
  confirm: "确认",
  reject: "驳回",
  reopen: "恢复",
  note: "备注",
  reattach: "重新锚定",
  retire: "退役",
};

export const actionLabel = (action: string): string =>
  (ACTION_LABEL as Record<string, string | undefined>)[action] ?? action;

/** The status an audit record (`before` / `after` of a LinkEvent) describes, as readers see it. */
export function recordStatus(record: Record<string, unknown> | null): LinkStatusView | null {
  if (!record) return null;
  if (record.orphaned === true) return "orphaned";
  const s = record.status;
  return s === "suggested" || s === "confirmed" || s === "rejected" ? s : null;
}

const DATE_TIME = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** "2025年3月4日 14:05", in Beijing time: when an editor acted. */
export const formatDateTimeZh = (iso: string) => DATE_TIME.format(new Date(iso));

/** The note field's limit, as the API's (lib/api/link-schemas noteText). */
export const NOTE_MAX = 2000;
