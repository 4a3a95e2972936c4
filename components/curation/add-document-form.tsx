"use client";

import { use, useId, useState, type FormEvent } from "react";
import { NoteAndSubmit, useCreateLink } from "./create-link-parts";
import { DocumentChoices } from "./document-choices";
import { FIELD, LABEL, SUMMARY } from "./styles";

interface AddDocumentFormProps {
  planPath: string;
  /** The node's label, naming the form ("添加发言/建议：二、…"). */
  nodeLabel: string;
}

/** 添加发言/建议: an editor links a document to this plan node, with a note. */
export function AddDocumentForm({ planPath, nodeLabel }: AddDocumentFormProps) {
  const groups = use(DocumentChoices);
  const ids = { document: useId(), note: useId(), feedback: useId() };
  const [documentId, setDocumentId] = useState("");
  const [note, setNote] = useState("");
  const { feedback, added, pending, refuse, create } = useCreateLink("已添加。");

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!documentId) return refuse("请选择一篇发言或建议。");
    create({ documentId, planPath, targetId: null, note }, () => {
      setDocumentId("");
      setNote("");
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
        <NoteAndSubmit
          ids={ids}
          note={note}
          onNote={setNote}
          rows={2}
          pending={pending}
          pendingText="正在添加……"
          submitText="添加到本条目"
          feedback={feedback}
          added={added}
        />
      </form>
    </details>
  );
}
