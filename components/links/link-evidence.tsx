import Link from "next/link";
import type { LinkView } from "@/lib/data/links";
import type { DocumentKind } from "@/lib/kinds";
import { documentParagraphUrl, planParagraphUrl } from "@/lib/urls";
import { SharedTerms, TermQuote, termNeedles } from "./term-quote";

const QUOTE_CLASS = "font-serif text-[0.9375rem] leading-7 text-stone-800 dark:text-stone-200";

interface LinkEvidenceProps {
  link: Pick<LinkView, "documentId" | "evidence">;
  /** The document's kind (its URL); null when the document is gone. */
  kind: DocumentKind | null;
  /** Cut each quote to a window around its first shared term; the whole passages without it. */
  width?: number;
}

/** A link's evidence pairs: the document's passage over the plan's, shared terms marked, each linking to its place. */
export function LinkEvidence({ link, kind, width }: LinkEvidenceProps) {
  return (
    <ol className="mt-2 space-y-3">
      {link.evidence.map((e, i) => {
        const needles = termNeedles(e.terms);
        return (
          <li key={i} className="space-y-1 border-l-2 border-stone-300 pl-3 dark:border-stone-700">
            <blockquote className={QUOTE_CLASS}>
              <TermQuote text={e.quote} needles={needles} width={width} />
            </blockquote>
            <p className="text-xs">
              {e.paragraphN !== null && kind ? (
                <a href={documentParagraphUrl(kind, link.documentId, e.paragraphN)}>本文第{e.paragraphN}段</a>
              ) : (
                <span className="text-stone-600 dark:text-stone-400">本文段落（已变动）</span>
              )}
            </p>
            <blockquote className={`${QUOTE_CLASS} border-t border-dashed border-stone-200 pt-1 dark:border-stone-800`}>
              <TermQuote text={e.planQuote} needles={needles} width={width} />
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
