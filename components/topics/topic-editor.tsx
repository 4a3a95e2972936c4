"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Feedback, type FeedbackState } from "@/components/curation/feedback";
import { curationErrorMessage, NETWORK_ERROR } from "@/components/curation/messages";
import { FIELD, LABEL, PRIMARY_BUTTON, SECONDARY_BUTTON, SUMMARY } from "@/components/curation/styles";
import { useHydrated } from "@/components/ui/use-hydrated";

interface TopicEditorProps {
  documentId: string;
  current: { slug: string; name: string; origin: "machine" | "editor" }[];
  all: { slug: string; name: string }[];
}

type Action = "add" | "remove" | "reset";

async function decide(documentId: string, topic: string, action: Action, note: string): Promise<FeedbackState | null> {
  let res: Response;
  try {
    res = await fetch(`/api/v1/documents/${encodeURIComponent(documentId)}/topics`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ topic, action, note: note.trim() || undefined }),
      credentials: "same-origin",
    });
  } catch {
    return { error: true, text: NETWORK_ERROR };
  }
  if (res.ok) return null;
  const json = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
  return { error: true, text: curationErrorMessage(res.status, json?.error?.code) };
}

/** Add a topic to the document, remove one, or give one back to the automatic assignment; then the page is refreshed. */
export function TopicEditor({ documentId, current, all }: TopicEditorProps) {
  const router = useRouter();
  const selectId = useId();
  const noteId = useId();
  const [topic, setTopic] = useState("");
  const [note, setNote] = useState("");
  const [feedback, setFeedback] = useState<FeedbackState | null>(null);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const on = new Set(current.map((t) => t.slug));
  const addable = all.filter((t) => !on.has(t.slug));

  function act(slug: string, action: Action, done: string) {
    startTransition(async () => {
      const failed = await decide(documentId, slug, action, note);
      setFeedback(failed ?? { error: false, text: done });
      if (!failed) {
        setNote("");
        setTopic("");
        router.refresh();
      }
    });
  }

  return (
    <details className="mt-3 border-t border-stone-200 pt-2 dark:border-stone-800">
      <summary className={SUMMARY}>编辑主题</summary>
      <div className="mt-2 space-y-3">
        {current.length ? (
          <ul className="space-y-1">
            {current.map((t) => (
              <li key={t.slug} className="flex flex-wrap items-center gap-2">
                <span>{t.name}</span>
                <button
                  type="button"
                  className={SECONDARY_BUTTON}
                  disabled={!hydrated || pending}
                  onClick={() => act(t.slug, "remove", `已移除主题“${t.name}”。`)}
                >
                  移除
                </button>
                {t.origin === "editor" ? (
                  <button
                    type="button"
                    className={SECONDARY_BUTTON}
                    disabled={!hydrated || pending}
                    onClick={() => act(t.slug, "reset", `“${t.name}”已恢复为自动标注。`)}
                  >
                    恢复自动标注
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        <div className="space-y-1">
          <label htmlFor={selectId} className={LABEL}>
            添加主题
          </label>
          <select id={selectId} className={FIELD} value={topic} onChange={(e) => setTopic(e.target.value)}>
            <option value="">选择主题…</option>
            {addable.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor={noteId} className={LABEL}>
            备注（可选）
          </label>
          <input
            id={noteId}
            className={FIELD}
            value={note}
            maxLength={2000}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <button
          type="button"
          className={PRIMARY_BUTTON}
          disabled={!hydrated || pending || !topic}
          onClick={() => act(topic, "add", `已添加主题“${all.find((t) => t.slug === topic)?.name ?? topic}”。`)}
        >
          添加
        </button>
        <Feedback state={feedback} />
      </div>
    </details>
  );
}
