import Link from "next/link";
import { AddLinkForm, LinkActions } from "@/components/curation/editor-only";
import { planNodeOptions, planTargetOptions } from "@/components/curation/options";
import { SUMMARY } from "@/components/curation/styles";
import { TARGET_LABEL } from "@/components/plan/target-labels";
import { currentEditor } from "@/lib/auth/editor";
import { listLinksForDocument, type LinkView } from "@/lib/data/links";
import type { DocumentKind } from "@/lib/kinds";
import { compareUrl, linkRecordUrl, planNodeUrl } from "@/lib/urls";
import { ancestorLabels, planLabelsByPath } from "./plan-context";
import { LinkEvidence } from "./link-evidence";
import { BandBadge, LinkNote, LinkStatusBadge, ORPHANED_EXPLANATION } from "./link-meta";

interface DocumentLinksPanelProps {
  documentId: string;
  kind: DocumentKind;
}

interface LinkItemProps {
  link: LinkView;
  kind: DocumentKind;
  context: string[];
  /** A signed-in editor sees the curation controls. */
  canEdit: boolean;
}

function LinkItem({ link, kind, context, canEdit }: LinkItemProps) {
  const orphaned = link.status === "orphaned";
  return (
    <li className="space-y-1">
      {context.length ? (
        <p className="text-xs leading-5 text-stone-600 dark:text-stone-400">{context.join(" › ")}</p>
      ) : null}
      <p className="font-medium leading-snug">
        <Link href={planNodeUrl(link.planPath)}>{link.planNodeLabel}</Link>
      </p>
      {link.targetText ? (
        <p className="line-clamp-3 leading-6" title={link.targetText}>
          <span className="font-medium">{TARGET_LABEL[link.targetKind ?? "target"]}：</span>
          {link.targetText}
        </p>
      ) : null}
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <BandBadge band={link.band} />
        <LinkStatusBadge status={link.status} decidedBy={link.decidedBy} />
        {orphaned ? null : (
          <Link href={compareUrl(link.documentId, link.planPath)} className="text-xs">
            对照阅读
          </Link>
        )}
        <Link href={linkRecordUrl(link.id)} className="text-xs">
          记录
        </Link>
      </p>
      {orphaned ? <p className="text-xs text-amber-800 dark:text-amber-300">{ORPHANED_EXPLANATION}</p> : null}
      <LinkNote note={link.note} />
      {link.evidence.length ? (
        <details>
          <summary className="cursor-pointer text-xs text-stone-700 dark:text-stone-300">
            查看依据（{link.evidence.length} 处）
          </summary>
          <LinkEvidence link={link} kind={kind} width={72} />
        </details>
      ) : null}
      {canEdit ? (
        <LinkActions
          linkId={link.id}
          status={link.status}
          subject={link.targetText ? `${link.planNodeLabel}：${link.targetText.slice(0, 30)}` : link.planNodeLabel}
        />
      ) : null}
    </li>
  );
}

/**
 * 对应规划目标: the plan nodes and targets a document addresses, each with its evidence on demand.
 * A signed-in editor also confirms, rejects or reopens each link, sees the rejected ones (folded),
 * and adds links of their own.
 */
export async function DocumentLinksPanel({ documentId, kind }: DocumentLinksPanelProps) {
  const editor = await currentEditor();
  const canEdit = editor !== null;
  const [links, labels, forms] = await Promise.all([
    listLinksForDocument(documentId, { includeRejected: canEdit }),
    planLabelsByPath(),
    canEdit ? Promise.all([planNodeOptions(), planTargetOptions()]) : null,
  ]);
  const shown = links.filter((l) => l.status !== "rejected");
  const rejected = links.filter((l) => l.status === "rejected");
  const item = (l: LinkView) => (
    <LinkItem key={l.id} link={l} kind={kind} context={ancestorLabels(l.planPath, labels)} canEdit={canEdit} />
  );
  return (
    <section
      aria-labelledby="plan-links-heading"
      className="rounded-lg border border-stone-200 bg-white p-4 text-sm dark:border-stone-800 dark:bg-stone-900"
    >
      <h2 id="plan-links-heading" className="mb-2 font-semibold text-stone-600 dark:text-stone-400">
        对应规划目标
      </h2>
      {shown.length === 0 ? (
        <p className="leading-6">没有匹配到规划纲要中的目标。这份区级规划可能没有涉及本文的主题。</p>
      ) : (
        <ol className="space-y-4">{shown.map(item)}</ol>
      )}
      {rejected.length ? (
        <details className="mt-4 border-t border-stone-200 pt-3 dark:border-stone-800">
          <summary className={SUMMARY}>已驳回（{rejected.length}）</summary>
          <p className="mb-2 text-xs text-stone-600 dark:text-stone-400">读者看不到这些关联；它们保留在记录中。</p>
          <ol aria-label="已驳回的关联" className="space-y-4">
            {rejected.map(item)}
          </ol>
        </details>
      ) : null}
      {forms ? <AddLinkForm documentId={documentId} chapters={forms[0]} targets={forms[1]} /> : null}
      <p className="mt-3 border-t border-stone-200 pt-2 text-xs text-stone-600 dark:border-stone-800 dark:text-stone-400">
        关联按两边共同的关键词计算，“机器建议”未经人工核对。
        <Link href="/coverage">规划覆盖情况</Link>
      </p>
    </section>
  );
}
