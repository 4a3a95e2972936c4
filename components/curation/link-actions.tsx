"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import type { LinkStatusView } from "@/lib/data/links";
import { noteOrUndefined, patchLink, type LinkPatchRequest } from "./api";
import { Feedback, type FeedbackState } from "./feedback";
import { NOTE_MAX } from "./labels";
import { EDITOR_PATH } from "./urls";
import { FIELD, LABEL, PRIMARY_BUTTON, SECONDARY_BUTTON, SUMMARY } from "./styles";
import { useHydrated } from "@/components/ui/use-hydrated";

type TargetStatus = NonNullable<LinkPatchRequest["status"]>;

interface Choice {
  status: TargetStatus;
  label: string;
  done: string;
  primary?: boolean;
}

const CONFIRM: Choice = { status: "confirmed", label: "确认", done: "已确认。", primary: true };
const REJECT: Choice = { status: "rejected", label: "驳回", done: "已驳回：读者不再看到这条关联。" };
const REOPEN: Choice = { status: "suggested", label: "恢复为建议", done: "已恢复为机器建议。" };
const RETIRE: Choice = { status: "rejected", label: "退役", done: "已退役。" };

/** What an editor can do from each status. An orphaned link is re-attached on /editor, or retired. */
const CHOICES: Record<LinkStatusView, Choice[]> = {
  suggested: [CONFIRM, REJECT],
  confirmed: [REJECT, REOPEN],
  rejected: [CONFIRM, REOPEN],
  orphaned: [RETIRE],
};

const ORPHAN_CONFLICT = "这条关联的原文段落已变动：请先在编辑工作台重新锚定，或将其退役。";

interface LinkActionsProps {
  linkId: string;
  status: LinkStatusView;
  /** What the link is about ("第三章 … ⇄ 文档标题"), naming the group of buttons for screen readers. */
  subject: string;
  /** For an orphaned link: point to /editor, where it can be re-attached (not on /editor itself). */
  showQueueLink?: boolean;
}

/** Confirm / reject / reopen a link, with an optional note, through PATCH /api/v1/links/{id}; then the page is refreshed. */
export function LinkActions({ linkId, status, subject, showQueueLink = true }: LinkActionsProps) {
  const router = useRouter();
  const noteId = useId();
  const feedbackId = useId();
  const [note, setNote] = useState("");
  const [feedback, setFeedback] = useState<FeedbackState | null>(null);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const orphaned = status === "orphaned";

  function act(patch: LinkPatchRequest, done: string) {
    if (orphaned && patch.status === "rejected" && !patch.note) {
      setFeedback({ error: true, text: "退役前请在备注中写明原因。" });
      return;
    }
    startTransition(async () => {
      const result = await patchLink(linkId, patch, orphaned ? ORPHAN_CONFLICT : undefined);
      startTransition(() => {
        if (!result.ok) {
          setFeedback({ error: true, text: result.message });
          return;
        }
        setFeedback({ error: false, text: done });
        setNote("");
        router.refresh();
      });
    });
  }

  const trimmed = noteOrUndefined(note);
  const noteField = (
    <div className="space-y-1">
      <label htmlFor={noteId} className={LABEL}>
        {orphaned ? "退役原因（必填）" : "备注（会公开显示在记录中，随下面的操作一起保存）"}
      </label>
      <textarea
        id={noteId}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={NOTE_MAX}
        rows={2}
        aria-describedby={feedback?.error ? feedbackId : undefined}
        className={FIELD}
      />
    </div>
  );
  return (
    <div
      role="group"
      aria-label={`编辑操作：${subject}`}
      aria-busy={pending}
      className="mt-2 space-y-2 rounded-md bg-stone-50 p-2 dark:bg-stone-950"
    >
      {orphaned ? (
        noteField
      ) : (
        <details>
          <summary className={SUMMARY}>附加备注（可选）</summary>
          <div className="space-y-2">
            {noteField}
            <button
              type="button"
              disabled={!hydrated || pending || !trimmed}
              onClick={() => act({ note: trimmed }, "备注已保存。")}
              className={SECONDARY_BUTTON}
            >
              仅保存备注
            </button>
          </div>
        </details>
      )}
      <div className="flex flex-wrap gap-2">
        {CHOICES[status].map((c) => (
          <button
            key={c.label}
            type="button"
            disabled={!hydrated || pending}
            onClick={() => act({ status: c.status, note: trimmed }, c.done)}
            className={c.primary ? PRIMARY_BUTTON : SECONDARY_BUTTON}
          >
            {c.label}
          </button>
        ))}
      </div>
      {orphaned && showQueueLink ? (
        <p className="text-xs">
          <Link href={EDITOR_PATH}>到编辑工作台重新锚定</Link>
        </p>
      ) : null}
      <Feedback state={feedback} id={feedbackId} />
    </div>
  );
}
