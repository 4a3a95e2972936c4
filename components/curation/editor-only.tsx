"use client";

import { lazy, Suspense, type ComponentType } from "react";

/**
 * An editor's control on a reading page, in a chunk of its own: pages render these only for a
 * signed-in editor, so a reader's browser never loads them (they used to ride in every document and
 * plan page's chunk). The server renders them as before; an editor's browser keeps that HTML while
 * the chunk loads, then hydrates it. React.lazy rather than next/dynamic, whose loader would itself
 * ship to every reader (≈ 1.7 kB gzip).
 */
function editorOnly<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  function EditorOnly(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return EditorOnly;
}

export const LinkActions = editorOnly(() => import("./link-actions").then((m) => m.LinkActions));
export const AddLinkForm = editorOnly(() => import("./add-link-form").then((m) => m.AddLinkForm));
export const AddDocumentForm = editorOnly(() => import("./add-document-form").then((m) => m.AddDocumentForm));
export const TopicEditor = editorOnly(() => import("@/components/topics/topic-editor").then((m) => m.TopicEditor));
