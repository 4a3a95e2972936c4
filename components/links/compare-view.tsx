import Link from "next/link";
import type { ReactNode } from "react";
import type { Comparison, ComparePassage, ComparePlanPassage } from "@/lib/data/compare";
import { TERM_MARK_CLASS } from "@/components/ui/highlighted-text";
import { KIND_LABEL } from "@/lib/kinds";
import { documentListUrl, documentParagraphUrl, formatDateZh, planNodeUrl, planParagraphUrl } from "@/lib/urls";
import { BandBadge, LinkStatusBadge, ORPHANED_EXPLANATION } from "./link-meta";
import { TermQuote, termNeedles } from "./term-quote";

const EVIDENCE_CLASS =
  "rounded-md border-l-4 border-amber-500 bg-amber-50/60 py-2 pr-3 pl-3 dark:border-amber-400 dark:bg-amber-950/30";

/** "依据 1、3": which evidence pairs a passage takes part in, so the two columns can be read against each other. */
function PairTags({ pairs }: { pairs: number[] }) {
  return (
    <span className="mr-2 inline-block rounded bg-amber-200 px-1.5 text-xs leading-5 font-medium text-amber-950 dark:bg-amber-800 dark:text-amber-50">
      依据 {pairs.join("、")}
    </span>
  );
}

interface ColumnProps<P extends ComparePassage> {
  headingId: string;
  heading: string;
  intro: ReactNode;
  passages: P[];
  /** Evidence pair numbers (1-based) by passage id, in the order the pairs rank. */
  pairsOf: Map<string, number[]>;
  needles: string[];
  href: (p: P) => string;
  where: (p: P) => string;
}

/** One side: its evidence passages first, emphasised; the rest folded, in reading order. */
function Column<P extends ComparePassage>({
  headingId,
  heading,
  intro,
  passages,
  pairsOf,
  needles,
  href,
  where,
}: ColumnProps<P>) {
  const evidence = passages
    .filter((p) => pairsOf.has(p.id))
    .sort((a, b) => pairsOf.get(a.id)![0]! - pairsOf.get(b.id)![0]!);
  const rest = passages.filter((p) => !pairsOf.has(p.id));
  return (
    <section aria-labelledby={headingId} className="min-w-0">
      <h2 id={headingId} className="text-lg font-semibold">
        {heading}
      </h2>
      <div className="mt-1 mb-4 text-sm text-stone-600 dark:text-stone-400">{intro}</div>
      {evidence.length ? (
        <ol className="space-y-4" aria-label={`${heading}：依据段落`}>
          {evidence.map((p) => (
            <li key={p.id} className={EVIDENCE_CLASS}>
              <p className="mb-1 text-xs">
                <PairTags pairs={pairsOf.get(p.id)!} />
                <Link href={href(p)}>{where(p)}</Link>
              </p>
              <p className="font-serif leading-[1.9]">
                <TermQuote text={p.text} needles={needles} />
              </p>
            </li>
          ))}
        </ol>
      ) : null}
      {rest.length ? (
        <details className="mt-4" open={evidence.length === 0}>
          <summary className="cursor-pointer text-sm text-stone-700 dark:text-stone-300">
            {evidence.length ? `其余 ${rest.length} 段` : `全部 ${rest.length} 段`}
          </summary>
          <ol className="mt-3 space-y-3">
            {rest.map((p) => (
              <li key={p.id} className="text-stone-700 dark:text-stone-300">
                <p className="text-xs">
                  <Link href={href(p)}>{where(p)}</Link>
                </p>
                <p className={`font-serif leading-[1.9] ${p.headingLevel ? "font-semibold" : ""}`}>
                  <TermQuote text={p.text} needles={needles} />
                </p>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}

/** /compare: a document's passages beside a plan node's, the evidence of their link first, shared terms marked on both. */
export function CompareView({ comparison }: { comparison: Comparison }) {
  const { document: doc, plan, link } = comparison;
  const evidence = link?.evidence ?? [];
  const terms = [...new Set(evidence.flatMap((e) => e.terms))];
  const needles = termNeedles(terms);
  const docPairs = new Map<string, number[]>();
  const planPairs = new Map<string, number[]>();
  evidence.forEach((e, i) => {
    if (e.paragraphId) docPairs.set(e.paragraphId, [...(docPairs.get(e.paragraphId) ?? []), i + 1]);
    if (e.planParagraphId) planPairs.set(e.planParagraphId, [...(planPairs.get(e.planParagraphId) ?? []), i + 1]);
  });
  // An orphaned link keeps the quotes of passages that no longer exist as they were.
  const lost = evidence.filter((e) => !e.paragraphId || !e.planParagraphId);
  const who = doc.speakers.map((s) => s.name).join("、");
  return (
    <div>
      <nav aria-label="面包屑" className="mb-4 text-sm">
        <Link href={documentListUrl(doc.kind)}>{KIND_LABEL[doc.kind]}</Link>
        <span aria-hidden="true" className="mx-2 text-stone-400">
          /
        </span>
        <Link href={doc.url}>{doc.title}</Link>
        <span aria-hidden="true" className="mx-2 text-stone-400">
          /
        </span>
        <span className="text-stone-600 dark:text-stone-400">对照阅读</span>
      </nav>
      <header className="mb-8 space-y-3">
        <h1 className="text-2xl leading-snug font-semibold tracking-tight sm:text-3xl">对照阅读</h1>
        <p className="leading-7">
          <Link href={doc.url}>{doc.title}</Link>
          <span className="mx-2 text-stone-500" aria-hidden="true">
            ⇄
          </span>
          <span className="sr-only">对照</span>
          <Link href={planNodeUrl(plan.path)}>{plan.label}</Link>
        </p>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          {KIND_LABEL[doc.kind]}
          {who ? ` · ${who}` : ""} · {doc.sourceTitle} · {formatDateZh(doc.date)}
        </p>
        {link ? (
          <div className="space-y-1 text-sm">
            <p className="flex flex-wrap items-center gap-2">
              <BandBadge band={link.band} />
              <LinkStatusBadge status={link.status} decidedBy={link.decidedBy} />
              {evidence.length ? <span>{evidence.length} 组依据段落</span> : null}
            </p>
            {link.status === "orphaned" ? (
              <p className="text-amber-800 dark:text-amber-300">{ORPHANED_EXPLANATION}</p>
            ) : null}
            {terms.length ? (
              <p>
                共同词（两侧已标出）：
                {terms.map((t, i) => (
                  <span key={t}>
                    {i ? "、" : ""}
                    <mark className={TERM_MARK_CLASS}>{t}</mark>
                  </span>
                ))}
              </p>
            ) : null}
          </div>
        ) : (
          <p className="rounded-md border border-stone-300 bg-stone-100 px-3 py-2 text-sm dark:border-stone-700 dark:bg-stone-900">
            这篇文档与该规划条目之间没有关联（机器未建议，编辑也未添加），下面并列两侧全文，供自行对照。
          </p>
        )}
      </header>

      <div className="grid gap-10 md:grid-cols-2 md:gap-8">
        <Column
          headingId="compare-document"
          heading={`${KIND_LABEL[doc.kind]}原文`}
          intro={<Link href={doc.url}>{doc.title}</Link>}
          passages={doc.paragraphs}
          pairsOf={docPairs}
          needles={needles}
          href={(p) => documentParagraphUrl(doc.kind, doc.id, p.n)}
          where={(p) => `第${p.n}段`}
        />
        <Column<ComparePlanPassage>
          headingId="compare-plan"
          heading="规划纲要原文"
          intro={<Link href={planNodeUrl(plan.path)}>{plan.label}</Link>}
          passages={plan.paragraphs}
          pairsOf={planPairs}
          needles={needles}
          href={(p) => planParagraphUrl(p.path, p.n)}
          where={(p) => (p.path === plan.path ? `第${p.n}段` : `${p.nodeLabel} · 第${p.n}段`)}
        />
      </div>

      {lost.length ? (
        <section aria-labelledby="compare-lost" className="mt-10">
          <h2 id="compare-lost" className="text-lg font-semibold">
            已变动的依据段落
          </h2>
          <p className="mb-3 text-sm text-stone-600 dark:text-stone-400">
            以下是建立关联时记录的原话，原文中已找不到相同的段落。
          </p>
          <ol className="space-y-4">
            {lost.map((e, i) => (
              <li key={i} className="grid gap-3 md:grid-cols-2">
                <blockquote className="font-serif leading-[1.9]">
                  <TermQuote text={e.quote} needles={needles} />
                </blockquote>
                <blockquote className="font-serif leading-[1.9]">
                  <TermQuote text={e.planQuote} needles={needles} />
                </blockquote>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
