"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { createContext, use, useId, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { createLink, noteOrUndefined } from "./api";
import { Feedback, type FeedbackState } from "./feedback";
import { NOTE_MAX } from "./labels";
import { linkRecordUrl } from "@/lib/urls";
import { FIELD, LABEL, PRIMARY_BUTTON, SUMMARY } from "./styles";

export interface DocumentOptionGroup {
  /** The kind's label (大会发言 …). */
  label: string;
  documents: { id: string; label: string }[];
}

/**
 * The documents an editor can add, sent to the browser once per page: a chapter page has a form
 * under every node, and each reads the list from here rather than carrying its own copy.
 */
const DocumentChoices = createContext<DocumentOptionGroup[]>([]);

export function DocumentChoicesProvider({ groups, children }: { groups: DocumentOptionGroup[]; children: ReactNode }) {
  return <DocumentChoices value={groups}>{children}</DocumentChoices>;
}

interface AddDocumentFormProps {
  planPath: string;
  /** The node's label, naming the form ("添加发言/建议：二、…"). */
  nodeLabel: string;
}

/** 添加发言/建议: an editor links a document to this plan node, with a note. */
export function AddDocumentForm({ planPath, nodeLabel }: AddDocumentFormProps) {
  const groups = use(DocumentChoices);
  const router = useRouter();
  const ids = { document: useId(), note: useId(), feedback: useId() };
  const [documentId, setDocumentId] = useState("");
  const [note, setNote] = useState("");
  const [feedback, setFeedback] = useState<FeedbackState | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!documentId) {
      setAdded(null);
      setFeedback({ error: true, text: "请选择一篇发言或建议。" });
      return;
    }
    startTransition(async () => {
      const result = await createLink({ documentId, planPath, targetId: null, note: noteOrUndefined(note) });
      startTransition(() => {
        if (!result.ok) {
          setAdded(null);
          setFeedback({ error: true, text: result.message });
          return;
        }
        setAdded(result.id);
        setFeedback({ error: false, text: "已添加。" });
        setDocumentId("");
        setNote("");
        router.refresh();
      });
    });
  }

  return (
    <details className="mt-2">
      <summary className={SUMMARY}>添加发言/建议</summary>
      <form
        onSubmit={submit}
        aria-label={`添加发言/建议：${nodeLabel}`}
        aria-busy={pending}
        className="mt-2 space-y-3 font-sans"
      >
        <div className="space-y-1">
          <label htmlFor={ids.document} className={LABEL}>
            文档
          </label>
          <select
            id={ids.document}
            value={documentId}
            required
            aria-describedby={feedback?.error ? ids.feedback : undefined}
            onChange={(e) => setDocumentId(e.target.value)}
            className={FIELD}
          >
            <option value="">请选择发言、建议或报告……</option>
            {groups.map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.documents.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor={ids.note} className={LABEL}>
            备注（可选，会公开显示在记录中）
          </label>
          <textarea
            id={ids.note}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={NOTE_MAX}
            rows={2}
            className={FIELD}
          />
        </div>
        <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
          {pending ? "正在添加……" : "添加到本条目"}
        </button>
        <Feedback state={feedback} id={ids.feedback}>
          {added && !feedback?.error ? (
            <>
              {" "}
              <Link href={linkRecordUrl(added)}>查看记录</Link>
            </>
          ) : null}
        </Feedback>
      </form>
    </details>
  );
}
