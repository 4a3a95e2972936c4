import Link from "next/link";
import type { ReactNode } from "react";
import { LinkActions } from "@/components/curation/editor-only";
import { LinkHistory } from "@/components/curation/link-history";
import { formatDateTimeZh } from "@/components/curation/labels";
import { TARGET_LABEL } from "@/components/plan/target-labels";
import type { LinkEventView } from "@/lib/data/curation";
import type { PlanNodeLink } from "@/lib/data/links";
import { KIND_LABEL } from "@/lib/kinds";
import { compareUrl, formatDateZh, planNodeUrl } from "@/lib/urls";
import { LinkEvidence } from "./link-evidence";
import { BandBadge, LinkStatusBadge, ORPHANED_EXPLANATION } from "./link-meta";

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[7rem_minmax(0,1fr)]">
      <dt className="font-medium text-stone-600 dark:text-stone-400">{term}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

interface LinkRecordProps {
  link: PlanNodeLink;
  history: readonly LinkEventView[];
  /** A signed-in editor acts on the link here too. */
  canEdit: boolean;
}

/** /links/[id]: one link in full — its two ends, band and status, who decided and why, its evidence and its history. */
export function LinkRecord({ link, history, canEdit }: LinkRecordProps) {
  const doc = link.document;
  const who = doc.speakers.map((s) => s.name).join("、");
  const orphaned = link.status === "orphaned";
  const origin = link.origin === "editor" ? "编辑添加" : `机器建议（${link.method} ${link.methodVersion}）`;
  return (
    <article className="max-w-3xl">
      <nav aria-label="面包屑" className="mb-4 text-sm">
        {doc.url ? <Link href={doc.url}>{doc.title}</Link> : <span>{doc.title}</span>}
        <span aria-hidden="true" className="mx-2 text-stone-400">
          /
        </span>
        <span className="text-stone-600 dark:text-stone-400">关联记录</span>
      </nav>
      <header className="mb-6 space-y-3">
        <h1 className="text-2xl leading-snug font-semibold tracking-tight sm:text-3xl">关联记录</h1>
        <p className="leading-7">
          {doc.url ? <Link href={doc.url}>{doc.title}</Link> : doc.title}
          <span className="mx-2 text-stone-500" aria-hidden="true">
            →
          </span>
          <span className="sr-only">关联到</span>
          <Link href={planNodeUrl(link.planPath)}>{link.planNodeLabel}</Link>
        </p>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <BandBadge band={link.band} />
          <LinkStatusBadge status={link.status} decidedBy={link.decidedBy} />
          {!orphaned && doc.url ? <Link href={compareUrl(doc.id, link.planPath)}>对照阅读</Link> : null}
        </p>
        {orphaned ? <p className="text-sm text-amber-800 dark:text-amber-300">{ORPHANED_EXPLANATION}</p> : null}
      </header>

      <dl className="divide-y divide-stone-200 border-y border-stone-200 text-sm dark:divide-stone-800 dark:border-stone-800">
        <Row term="文档">
          {doc.kind ? `${KIND_LABEL[doc.kind]} · ` : ""}
          {doc.url ? <Link href={doc.url}>{doc.title}</Link> : `${doc.title}（原文已变动）`}
          {who || doc.date ? (
            <span className="block text-stone-600 dark:text-stone-400">
              {[who, doc.date ? formatDateZh(doc.date) : null].filter(Boolean).join(" · ")}
            </span>
          ) : null}
        </Row>
        <Row term="规划条目">
          <Link href={planNodeUrl(link.planPath)}>{link.planNodeLabel}</Link>
        </Row>
        {link.targetText ? (
          <Row term={TARGET_LABEL[link.targetKind ?? "target"]}>
            <span className="leading-7">{link.targetText}</span>
          </Row>
        ) : null}
        <Row term="来源">{origin}</Row>
        {link.decidedBy && link.decidedAt ? (
          <Row term="最近决定">
            {link.decidedBy}，<time dateTime={link.decidedAt}>{formatDateTimeZh(link.decidedAt)}</time>
          </Row>
        ) : null}
        {link.note ? (
          <Row term="编辑备注">
            <span className="whitespace-pre-line">{link.note}</span>
          </Row>
        ) : null}
        {link.orphanReason ? <Row term="待处理原因">{link.orphanReason}</Row> : null}
        <Row term="建立时间">
          <time dateTime={link.createdAt}>{formatDateTimeZh(link.createdAt)}</time>
        </Row>
      </dl>

      {canEdit ? (
        <section aria-labelledby="link-actions-heading" className="mt-8">
          <h2 id="link-actions-heading" className="text-lg font-semibold">
            编辑操作
          </h2>
          <LinkActions linkId={link.id} status={link.status} subject={`${doc.title} → ${link.planNodeLabel}`} />
        </section>
      ) : null}

      <section aria-labelledby="link-evidence-heading" className="mt-8">
        <h2 id="link-evidence-heading" className="text-lg font-semibold">
          依据段落（{link.evidence.length}）
        </h2>
        {link.evidence.length ? (
          <LinkEvidence link={link} kind={doc.kind} />
        ) : (
          <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
            这条关联由编辑添加，没有机器找出的依据段落。
          </p>
        )}
      </section>

      <section aria-labelledby="link-history-heading" className="mt-8">
        <h2 id="link-history-heading" className="mb-3 text-lg font-semibold">
          修改记录（{history.length}）
        </h2>
        <LinkHistory events={history} />
      </section>
    </article>
  );
}
