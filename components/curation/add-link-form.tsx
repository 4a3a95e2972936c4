"use client";

import { useId, useState, type FormEvent } from "react";
import { NoteAndSubmit, useCreateLink } from "./create-link-parts";
import { FIELD, LABEL, SUMMARY } from "./styles";

export interface PlanNodeOption {
  path: string;
  label: string;
  /** 0 for the chapter itself, 1 for a section, 2 for a subsection … (indents the option). */
  depth: number;
}

export interface PlanChapterOptions {
  label: string;
  /** The chapter, then its sections and subsections in plan order. */
  nodes: PlanNodeOption[];
}

export interface PlanTargetOption {
  id: string;
  label: string;
}

interface AddLinkFormProps {
  documentId: string;
  chapters: PlanChapterOptions[];
  /** The goals and targets of each node, by path. */
  targets: Record<string, PlanTargetOption[]>;
}

/** 添加关联: an editor links this document to a plan node (or one of its goals or targets), with a note. */
export function AddLinkForm({ documentId, chapters, targets }: AddLinkFormProps) {
  const ids = { node: useId(), target: useId(), note: useId(), feedback: useId() };
  const [path, setPath] = useState("");
  const [targetId, setTargetId] = useState("");
  const [note, setNote] = useState("");
  const { feedback, added, pending, refuse, create } = useCreateLink("已添加关联。");
  const nodeTargets = targets[path] ?? [];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!path) return refuse("请选择一个规划条目。");
    create({ documentId, planPath: path, targetId: targetId || null, note }, () => {
      setPath("");
      setTargetId("");
      setNote("");
    });
  }

  const invalid = feedback?.error ? ids.feedback : undefined;
  return (
    <details className="mt-4 border-t border-stone-200 pt-3 dark:border-stone-800">
      <summary className={SUMMARY}>添加关联</summary>
      <form onSubmit={submit} aria-label="添加关联" aria-busy={pending} className="mt-2 space-y-3">
        <div className="space-y-1">
          <label htmlFor={ids.node} className={LABEL}>
            规划条目
          </label>
          <select
            id={ids.node}
            value={path}
            required
            aria-describedby={invalid}
            onChange={(e) => {
              setPath(e.target.value);
              setTargetId("");
            }}
            className={FIELD}
          >
            <option value="">请选择章、节或小节……</option>
            {chapters.map((c) => (
              <optgroup key={c.label} label={c.label}>
                {c.nodes.map((n) => (
                  <option key={n.path} value={n.path}>
                    {"\u3000".repeat(n.depth)}
                    {n.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor={ids.target} className={LABEL}>
            目标或指标（可选）
          </label>
          <select
            id={ids.target}
            value={targetId}
            disabled={!nodeTargets.length}
            onChange={(e) => setTargetId(e.target.value)}
            className={FIELD}
          >
            <option value="">
              {path && !nodeTargets.length ? "该条目没有目标或指标" : "不指定（关联到整个条目）"}
            </option>
            {nodeTargets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <NoteAndSubmit
          ids={ids}
          note={note}
          onNote={setNote}
          rows={3}
          pending={pending}
          pendingText="正在添加……"
          submitText="添加关联"
          feedback={feedback}
          added={added}
        />
      </form>
    </details>
  );
}
