import Link from "next/link";
import { currentEditor } from "@/lib/auth/editor";
import { getDocumentTopics, taxonomy } from "@/lib/data/topics";
import { listDocumentTopicEvents } from "@/lib/data/topics-curation";
import { getDb } from "@/lib/db";
import { documentParagraphUrl, topicUrl } from "@/lib/urls";
import type { DocumentKind } from "@/lib/kinds";
import { TOPIC_ACTION_LABEL } from "./labels";
import { TopicEditor } from "@/components/curation/editor-only";

/** A document's topics with why (the terms found, the passage that shows it best), its history, and editors' controls. */
export async function DocumentTopicsPanel({ documentId, kind }: { documentId: string; kind: DocumentKind }) {
  const [view, history, editor] = await Promise.all([
    getDocumentTopics(documentId),
    listDocumentTopicEvents(getDb(), documentId),
    currentEditor(),
  ]);
  const names = new Map(taxonomy().map((t) => [t.slug, t.name]));
  return (
    <section
      aria-labelledby="topics-heading"
      className="rounded-lg border border-stone-200 bg-white p-4 text-sm dark:border-stone-800 dark:bg-stone-900"
    >
      <h2 id="topics-heading" className="mb-2 font-semibold text-stone-600 dark:text-stone-400">
        主题
      </h2>
      {view.topics.length ? (
        <ul className="space-y-2">
          {view.topics.map((t) => (
            <li key={t.slug}>
              <Link href={topicUrl(t.slug)} className="font-medium">
                {t.name}
              </Link>
              <span className="ml-2 text-xs text-stone-600 dark:text-stone-400">
                {t.origin === "editor" ? "编辑添加" : `得分 ${t.score.toFixed(2)}`}
              </span>
              {t.terms.length ? (
                <p className="text-xs text-stone-600 dark:text-stone-400">依据词：{t.terms.join("、")}</p>
              ) : null}
              {t.passage ? (
                <p className="text-xs">
                  <a href={documentParagraphUrl(kind, documentId, t.passage.n)}>最相关段落：第{t.passage.n}段</a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-stone-600 dark:text-stone-400">暂未标注主题。</p>
      )}
      {editor ? (
        <TopicEditor
          documentId={documentId}
          current={view.topics.map((t) => ({ slug: t.slug, name: t.name, origin: t.origin }))}
          all={taxonomy().map((t) => ({ slug: t.slug, name: t.name }))}
        />
      ) : null}
      {history.length ? (
        <details className="mt-3">
          <summary className="cursor-pointer text-xs text-stone-700 dark:text-stone-300">
            编辑记录（{history.length}）
          </summary>
          <ol className="mt-1 space-y-1 text-xs">
            {history.map((e) => (
              <li key={e.id}>
                {e.at.slice(0, 10)} {e.actorName} {TOPIC_ACTION_LABEL[e.action]}“{names.get(e.topic) ?? e.topic}”
                {e.note ? `：${e.note}` : ""}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}
