import type { Metadata } from "next";
import { cookies } from "next/headers";
import { EditorQueueView } from "@/components/curation/editor-queue-view";
import { EditorVisit } from "@/components/curation/editor-visit";
import { LAST_VISIT_COOKIE, suggestionWindow } from "@/components/curation/last-visit";
import { planLabelsByPath } from "@/components/links/plan-context";
import { PageHeader } from "@/components/ui/page-header";
import { requireEditorPage } from "@/lib/auth/editor";
import { getEditorQueue } from "@/lib/data/editor-queue";
import { recordEditorVisit } from "./actions";

export const metadata: Metadata = { title: "编辑工作台", robots: { index: false, follow: false } };

/** /editor: orphaned links, new suggestions since the last visit, unlinked documents, the editor's own changes. */
export default async function EditorPage() {
  const editor = await requireEditorPage("/editor");
  const { since, sinceLastVisit } = suggestionWindow((await cookies()).get(LAST_VISIT_COOKIE)?.value, editor.id);
  const [queue, planLabels] = await Promise.all([getEditorQueue(editor.id, since), planLabelsByPath()]);
  return (
    <div className="max-w-4xl">
      <PageHeader title="编辑工作台">
        <p className="text-stone-600 dark:text-stone-300">
          编辑 {editor.name}：这里列出需要核对的关联。每次确认、驳回、添加或退役都会记入关联的公开记录。
        </p>
      </PageHeader>
      <EditorQueueView queue={queue} since={since} sinceLastVisit={sinceLastVisit} planLabels={planLabels} />
      <EditorVisit record={recordEditorVisit} />
    </div>
  );
}
