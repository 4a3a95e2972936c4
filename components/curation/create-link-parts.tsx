"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { linkRecordUrl } from "@/lib/urls";
import { createLink, noteOrUndefined, type LinkCreateRequest } from "./api";
import { Feedback, type FeedbackState } from "./feedback";
import { NOTE_MAX } from "./labels";
import { FIELD, LABEL, PRIMARY_BUTTON } from "./styles";
import { useHydrated } from "@/components/ui/use-hydrated";

/**
 * What both "add" forms do: POST the link, say how it went, clear the form and refresh the page
 * on success. `refuse` names what is missing before anything is sent.
 */
export function useCreateLink(success: string) {
  const router = useRouter();
  const [feedback, setFeedback] = useState<FeedbackState | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function refuse(text: string) {
    setAdded(null);
    setFeedback({ error: true, text });
  }

  function create(input: Omit<LinkCreateRequest, "note"> & { note: string }, reset: () => void) {
    startTransition(async () => {
      const result = await createLink({ ...input, note: noteOrUndefined(input.note) });
      startTransition(() => {
        if (!result.ok) return refuse(result.message);
        setAdded(result.id);
        setFeedback({ error: false, text: success });
        reset();
        router.refresh();
      });
    });
  }

  return { feedback, added, pending, refuse, create };
}

interface NoteAndSubmitProps {
  ids: { note: string; feedback: string };
  note: string;
  onNote: (note: string) => void;
  rows: number;
  pending: boolean;
  pendingText: string;
  submitText: string;
  feedback: FeedbackState | null;
  added: string | null;
}

/** The end of both "add" forms: the public note, the button, and the outcome with a link to the new record. */
export function NoteAndSubmit(p: NoteAndSubmitProps) {
  const hydrated = useHydrated();
  return (
    <>
      <div className="space-y-1">
        <label htmlFor={p.ids.note} className={LABEL}>
          备注（可选，会公开显示在记录中）
        </label>
        <textarea
          id={p.ids.note}
          value={p.note}
          onChange={(e) => p.onNote(e.target.value)}
          maxLength={NOTE_MAX}
          rows={p.rows}
          className={FIELD}
        />
      </div>
      <button type="submit" disabled={!hydrated || p.pending} className={PRIMARY_BUTTON}>
        {p.pending ? p.pendingText : p.submitText}
      </button>
      <Feedback state={p.feedback} id={p.ids.feedback}>
        {p.added && !p.feedback?.error ? (
          <>
            {" "}
            <Link href={linkRecordUrl(p.added)}>查看记录</Link>
          </>
        ) : null}
      </Feedback>
    </>
  );
}
