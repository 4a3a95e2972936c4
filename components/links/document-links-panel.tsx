import Link from "next/link";
import { TARGET_LABEL } from "@/components/plan/target-labels";
import { listLinksForDocument, type LinkView } from "@/lib/data/links";
import type { DocumentKind } from "@/lib/kinds";
import { compareUrl, documentParagraphUrl, planNodeUrl, planParagraphUrl } from "@/lib/urls";
import { ancestorLabels, planLabelsByPath } from "./plan-context";
import { BandBadge, LinkStatusBadge, ORPHANED_EXPLANATION } from "./link-meta";
import { SharedTerms, TermQuote, termNeedles } from "./term-quote";

interface DocumentLinksPanelProps {
  documentId: string;
  kind: DocumentKind;
}

const QUOTE_CLASS = "font-serif text-[0.9375rem] leading-7 text-stone-800 dark:text-stone-200";

function Evidence({ link, kind }: { link: LinkView; kind: DocumentKind }) {
  return (
    <ol className="mt-2 space-y-3">
      {link.evidence.map((e, i) => {
        const needles = termNeedles(e.terms);
        return (
          <li key={i} className="space-y-1 border-l-2 border-stone-300 pl-3 dark:border-stone-700">
            <blockquote className={QUOTE_CLASS}>
              <TermQuote text={e.quote} needles={needles} width={72} />
            </blockquote>
            <p className="text-xs">
              {e.paragraphN !== null ? (
                <a href={documentParagraphUrl(kind, link.documentId, e.paragraphN)}>本文第{e.paragraphN}段</a>
              ) : (
                <span className="text-stone-600 dark:text-stone-400">本文段落（已变动）</span>
              )}
            </p>
            <blockquote className={`${QUOTE_CLASS} border-t border-dashed border-stone-200 pt-1 dark:border-stone-800`}>
              <TermQuote text={e.planQuote} needles={needles} width={72} />
            </blockquote>
            <p className="text-xs">
              {e.planParagraphPath !== null && e.planParagraphN !== null ? (
                <Link href={planParagraphUrl(e.planParagraphPath, e.planParagraphN)}>
                  规划原文 {e.planParagraphPath} 第{e.planParagraphN}段
                </Link>
              ) : (
                <span className="text-stone-600 dark:text-stone-400">规划段落（已变动）</span>
              )}
            </p>
            <SharedTerms terms={e.terms} />
          </li>
        );
      })}
    </ol>
  );
}

function LinkItem({ link, kind, context }: { link: LinkView; kind: DocumentKind; context: string[] }) {
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
      </p>
      {orphaned ? <p className="text-xs text-amber-800 dark:text-amber-300">{ORPHANED_EXPLANATION}</p> : null}
      {link.evidence.length ? (
        <details>
          <summary className="cursor-pointer text-xs text-stone-700 dark:text-stone-300">
            查看依据（{link.evidence.length} 处）
          </summary>
          <Evidence link={link} kind={kind} />
        </details>
      ) : null}
    </li>
  );
}

/** 对应规划目标: the plan nodes and targets a document addresses, each with its evidence on demand. */
export async function DocumentLinksPanel({ documentId, kind }: DocumentLinksPanelProps) {
  const [links, labels] = await Promise.all([listLinksForDocument(documentId), planLabelsByPath()]);
  return (
    <section
      aria-labelledby="plan-links-heading"
      className="rounded-lg border border-stone-200 bg-white p-4 text-sm dark:border-stone-800 dark:bg-stone-900"
    >
      <h2 id="plan-links-heading" className="mb-2 font-semibold text-stone-600 dark:text-stone-400">
        对应规划目标
      </h2>
      {links.length === 0 ? (
        <p className="leading-6">没有匹配到规划纲要中的目标。这份区级规划可能没有涉及本文的主题。</p>
      ) : (
        <ol className="space-y-4">
          {links.map((l) => (
            <LinkItem key={l.id} link={l} kind={kind} context={ancestorLabels(l.planPath, labels)} />
          ))}
        </ol>
      )}
      <p className="mt-3 border-t border-stone-200 pt-2 text-xs text-stone-600 dark:border-stone-800 dark:text-stone-400">
        关联按两边共同的关键词计算，“机器建议”未经人工核对。
        <Link href="/coverage">规划覆盖情况</Link>
      </p>
    </section>
  );
}
