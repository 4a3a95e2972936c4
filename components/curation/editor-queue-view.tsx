import Link from "next/link";
import type { ReactNode } from "react";
import { BandBadge } from "@/components/links/link-meta";
import type { EditorQueue, OrphanedLinkItem } from "@/lib/data/editor-queue";
import { KIND_LABEL } from "@/lib/kinds";
import { compareUrl, documentParagraphAnchor, hashUrl, planNodeUrl } from "@/lib/urls";
import { actionLabel, formatDateTimeZh } from "./labels";
import { LinkActions } from "./link-actions";
import { ReattachButton } from "./reattach-button";
import { SUMMARY } from "./styles";
import { linkRecordUrl } from "@/lib/urls";

const QUOTE = "font-serif text-[0.9375rem] leading-7 text-stone-800 dark:text-stone-200";
const CARD = "rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900";
/** Long lists show this many, the rest behind a disclosure. */
const SHOWN = 20;

function Section({
  id,
  title,
  count,
  intro,
  children,
}: {
  id: string;
  title: string;
  count: number;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="mt-10 scroll-mt-20">
      <h2 id={id} className="text-xl font-semibold">
        {title}（{count}）
      </h2>
      {intro ? <div className="mt-1 text-sm text-stone-600 dark:text-stone-400">{intro}</div> : null}
      <div className="mt-4">{children}</div>
    </section>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="text-stone-700 dark:text-stone-300">{children}</p>;
}

/** Shows the first SHOWN items, the rest folded. */
function Folded<T>({ items, label, render }: { items: T[]; label: string; render: (item: T) => ReactNode }) {
  return (
    <>
      <ol className="space-y-3">{items.slice(0, SHOWN).map(render)}</ol>
      {items.length > SHOWN ? (
        <details className="mt-3">
          <summary className={SUMMARY}>
            其余 {items.length - SHOWN} {label}
          </summary>
          <ol className="mt-3 space-y-3">{items.slice(SHOWN).map(render)}</ol>
        </details>
      ) : null}
    </>
  );
}

function OrphanedLink({ link }: { link: OrphanedLinkItem }) {
  const headingId = `orphan-${link.id}`;
  const documentUrl = link.documentUrl;
  return (
    <li className={CARD}>
      <article aria-labelledby={headingId} className="space-y-3">
        <h3 id={headingId} className="font-semibold leading-snug">
          {documentUrl ? <Link href={documentUrl}>{link.documentTitle}</Link> : link.documentTitle}
          <span aria-hidden="true" className="mx-2 text-stone-500">
            →
          </span>
          <span className="sr-only">关联到</span>
          <Link href={planNodeUrl(link.planPath)}>
            {link.planPath} {link.planNodeTitle}
          </Link>
        </h3>
        <p className="text-sm text-stone-700 dark:text-stone-300">
          {link.reason ? <>原因：{link.reason} · </> : null}
          变动于 <time dateTime={link.orphanedAt}>{formatDateTimeZh(link.orphanedAt)}</time> ·{" "}
          <Link href={linkRecordUrl(link.id)}>记录</Link>
        </p>
        {link.evidence.map((e) => (
          <div key={e.rank} className="space-y-2 border-l-2 border-amber-500 pl-3">
            <p className="text-sm font-medium">依据 {e.rank + 1}</p>
            <p className="text-xs text-stone-600 dark:text-stone-400">原来的引文</p>
            <blockquote className={QUOTE}>{e.quote}</blockquote>
            <p className="text-xs text-stone-600 dark:text-stone-400">规划中的引文</p>
            <blockquote className={`${QUOTE} line-clamp-4`}>{e.planQuote}</blockquote>
            {e.candidates.length ? (
              <>
                <p className="text-xs text-stone-600 dark:text-stone-400">现在原文中最相近的段落</p>
                <ol aria-label={`依据 ${e.rank + 1} 的候选段落`} className="space-y-3">
                  {e.candidates.map((c) => (
                    <li key={c.paragraphId} className="space-y-1 rounded-md bg-stone-50 p-2 dark:bg-stone-950">
                      <p className="text-xs">
                        {documentUrl ? (
                          <a href={`${documentUrl}${hashUrl(documentParagraphAnchor(c.n))}`}>第{c.n}段</a>
                        ) : (
                          <>第{c.n}段</>
                        )}{" "}
                        · 相似度 {c.similarity.toFixed(2)}
                      </p>
                      <p className={`${QUOTE} line-clamp-4`}>{c.text}</p>
                      <ReattachButton linkId={link.id} rank={e.rank} paragraphId={c.paragraphId} paragraphN={c.n} />
                    </li>
                  ))}
                </ol>
              </>
            ) : (
              <p className="text-sm">原文中没有相近的段落：这段话可能已被删去。</p>
            )}
          </div>
        ))}
        <LinkActions
          linkId={link.id}
          status="orphaned"
          subject={`${link.documentTitle} → ${link.planNodeTitle}`}
          showQueueLink={false}
        />
      </article>
    </li>
  );
}

interface EditorQueueViewProps {
  queue: EditorQueue;
  /** Since when a suggestion counts as new, and whether that is the last visit or the fallback. */
  since: Date;
  sinceLastVisit: boolean;
  /** Plan node labels by path, for the editor's own changes. */
  planLabels: ReadonlyMap<string, string>;
}

/** /editor: what needs an editor's attention, and their own recent changes. */
export function EditorQueueView({ queue, since, sinceLastVisit, planLabels }: EditorQueueViewProps) {
  const sections = [
    { id: "orphaned", title: "待处理的孤立关联", count: queue.orphaned.length },
    { id: "suggestions", title: "新的机器建议", count: queue.newSuggestions.length },
    { id: "unlinked", title: "尚无关联的文件", count: queue.unlinkedDocuments.length },
    { id: "mine", title: "我最近的修改", count: queue.recentChanges.length },
  ];
  return (
    <>
      <nav aria-label="本页内容" className="text-sm">
        <ul className="flex flex-wrap gap-x-4 gap-y-2">
          {sections.map((s) => (
            <li key={s.id}>
              <a href={hashUrl(s.id)}>
                {s.title}（{s.count}）
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <Section
        id="orphaned"
        title="待处理的孤立关联"
        count={queue.orphaned.length}
        intro="原文或规划更新后，这些关联的依据段落找不到了。把丢失的段落重新锚定到一个候选段落，或写明原因后退役。"
      >
        {queue.orphaned.length ? (
          <ol className="space-y-4">
            {queue.orphaned.map((l) => (
              <OrphanedLink key={l.id} link={l} />
            ))}
          </ol>
        ) : (
          <Empty>没有待处理的关联。</Empty>
        )}
      </Section>

      <Section
        id="suggestions"
        title="新的机器建议"
        count={queue.newSuggestions.length}
        intro={
          <>
            {sinceLastVisit ? "上次访问以来" : "最近 7 天内"}（
            <time dateTime={since.toISOString()}>{formatDateTimeZh(since.toISOString())}</time>
            起）机器新建议、尚未核对的关联，最多 50 条。
          </>
        }
      >
        {queue.newSuggestions.length ? (
          <Folded
            items={queue.newSuggestions}
            label="条建议"
            render={(l) => (
              <li key={l.id} className="space-y-1 border-b border-stone-200 pb-3 dark:border-stone-800">
                <p className="leading-6 font-medium">
                  {l.documentUrl ? <Link href={l.documentUrl}>{l.documentTitle}</Link> : l.documentTitle}
                  <span aria-hidden="true" className="mx-2 text-stone-500">
                    →
                  </span>
                  <span className="sr-only">关联到</span>
                  <Link href={planNodeUrl(l.planPath)}>{l.planNodeLabel}</Link>
                </p>
                <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-stone-600 dark:text-stone-400">
                  {l.documentKind ? <span>{KIND_LABEL[l.documentKind]}</span> : null}
                  <BandBadge band={l.band} />
                  <time dateTime={l.createdAt}>{formatDateTimeZh(l.createdAt)}</time>
                  {l.documentUrl ? <Link href={compareUrl(l.documentId, l.planPath)}>对照阅读</Link> : null}
                  <Link href={linkRecordUrl(l.id)}>记录</Link>
                </p>
                <details>
                  <summary className={SUMMARY}>确认或驳回</summary>
                  <LinkActions linkId={l.id} status="suggested" subject={`${l.documentTitle} → ${l.planNodeLabel}`} />
                </details>
              </li>
            )}
          />
        ) : (
          <Empty>没有新的机器建议。</Empty>
        )}
      </Section>

      <Section
        id="unlinked"
        title="尚无关联的文件"
        count={queue.unlinkedDocuments.length}
        intro="这些文档还没有任何有效的关联：打开文档，在“对应规划目标”下添加关联。"
      >
        {queue.unlinkedDocuments.length ? (
          <Folded
            items={queue.unlinkedDocuments}
            label="篇文档"
            render={(d) => (
              <li key={d.id} className="leading-6">
                <span className="mr-2 text-xs text-stone-600 dark:text-stone-400">{KIND_LABEL[d.kind]}</span>
                <Link href={d.url}>{d.title}</Link>
              </li>
            )}
          />
        ) : (
          <Empty>每篇文档都至少有一条关联。</Empty>
        )}
      </Section>

      <Section id="mine" title="我最近的修改" count={queue.recentChanges.length} intro="最近 20 次。">
        {queue.recentChanges.length ? (
          <ol className="space-y-3">
            {queue.recentChanges.map((e) => (
              <li key={e.id} className="space-y-1 border-b border-stone-200 pb-3 text-sm dark:border-stone-800">
                <p className="flex flex-wrap items-baseline gap-x-2">
                  <time dateTime={e.at} className="text-stone-600 dark:text-stone-400">
                    {formatDateTimeZh(e.at)}
                  </time>
                  <span className="font-medium">{actionLabel(e.action)}</span>
                  <Link href={linkRecordUrl(e.linkId)}>
                    {e.documentTitle} → {planLabels.get(e.planPath) ?? e.planPath}
                  </Link>
                </p>
                {e.note ? <p className="break-words whitespace-pre-line">备注：{e.note}</p> : null}
              </li>
            ))}
          </ol>
        ) : (
          <Empty>您还没有修改过关联。</Empty>
        )}
      </Section>
    </>
  );
}
