import Link from "next/link";
import type { z } from "zod";
import type { DocumentDetail, DocumentParagraph } from "@/lib/data/documents";
import type { documentPageParams } from "@/lib/data/params";
import { KIND_LABEL, PEOPLE_LABEL } from "@/lib/kinds";
import {
  documentListUrl,
  documentParagraphAnchor,
  documentParagraphUrl,
  documentSourceUrl,
  documentUrl,
  formatDateZh,
  hashUrl,
  personUrl,
} from "@/lib/urls";
import { documentCitationSource } from "@/lib/citation";
import { AnchorLanding } from "@/components/ui/anchor-landing";
import { HighlightNotice } from "@/components/search/highlight-notice";
import { HighlightedText } from "@/components/ui/highlighted-text";
import { findRanges } from "@/lib/search/highlight";
import { needlesForQuery } from "@/lib/search/query";
import { DocumentLinksPanel } from "@/components/links/document-links-panel";
import { DocumentTopicsPanel } from "@/components/topics/document-topics-panel";
import { PassageTopics, TopicChips } from "@/components/topics/topic-chips";
import type { TopicChip } from "@/lib/data/topics";
import { CitationProvider, CiteButton } from "./citation";

const headingClass: Record<number, string> = {
  1: "mt-10 text-xl font-semibold",
  2: "mt-8 text-lg font-semibold",
  3: "mt-6 font-semibold",
  4: "mt-4 font-medium",
};

function Paragraph({
  doc,
  p,
  marks,
  topics,
}: {
  doc: DocumentDetail;
  p: DocumentParagraph;
  marks: [number, number][];
  topics: TopicChip[];
}) {
  const anchor = documentParagraphAnchor(p.n);
  const text = marks.length ? <HighlightedText text={p.text} ranges={marks} /> : p.text;
  const tools = (
    <span className="ml-1 inline-flex items-center gap-1 align-baseline font-sans">
      <a
        href={hashUrl(anchor)}
        className="-my-2.5 inline-flex min-h-11 min-w-11 items-center justify-center align-middle text-xs text-stone-700 no-underline dark:text-stone-300"
        aria-label={`第${p.n}段链接`}
      >
        ¶{p.n}
      </a>
      <CiteButton label={`第${p.n}段`} paragraph={p.n} path={documentParagraphUrl(doc.kind, doc.id, p.n)} />
      <PassageTopics topics={topics} />
    </span>
  );
  if (p.headingLevel) {
    const Tag = p.headingLevel === 1 ? "h2" : p.headingLevel === 2 ? "h3" : "h4";
    return (
      <Tag id={anchor} className={`group scroll-mt-20 ${headingClass[p.headingLevel] ?? headingClass[4]}`}>
        {text}
        {tools}
      </Tag>
    );
  }
  return (
    <p id={anchor} className="group scroll-mt-20 indent-[2em] target:bg-amber-100 dark:target:bg-amber-900/40">
      {text}
      {tools}
    </p>
  );
}

type DocumentPageParams = z.infer<typeof documentPageParams>;

const speakerRole = (doc: DocumentDetail) => PEOPLE_LABEL[doc.genre];

/** Who speaks (or wrote), with role and affiliation: a card in the sidebar, or inside the phone's fold. */
function SpeakerCard({ doc, headingId, bare = false }: { doc: DocumentDetail; headingId: string; bare?: boolean }) {
  return (
    <section
      aria-labelledby={headingId}
      className={bare ? "" : "rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"}
    >
      <h2
        id={headingId}
        className={`mb-2 text-sm font-semibold text-stone-600 dark:text-stone-400 ${bare ? "sr-only" : ""}`}
      >
        {speakerRole(doc)}
      </h2>
      <ul className="space-y-3">
        {doc.speakers.map((s) => (
          <li key={s.personId}>
            <Link href={personUrl(s.personId)} className="text-lg font-medium">
              {s.name}
            </Link>
            {s.role ? <p className="text-sm">{s.role}</p> : null}
            {s.affiliation ? <p className="text-sm text-stone-600 dark:text-stone-400">{s.affiliation}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The headings of the first two levels, each a link to its place in the text. */
function TocList({
  doc,
  toc,
  view,
}: {
  doc: DocumentDetail;
  toc: DocumentParagraph[];
  view: DocumentPageParams["view"];
}) {
  return (
    <ol className="space-y-1.5">
      {toc.map((p) => (
        <li key={p.id} className={p.headingLevel === 2 ? "pl-4" : ""}>
          <a
            href={
              view === "source" ? documentParagraphUrl(doc.kind, doc.id, p.n) : hashUrl(documentParagraphAnchor(p.n))
            }
          >
            {p.text}
          </a>
        </li>
      ))}
    </ol>
  );
}

interface DocumentPageProps {
  doc: DocumentDetail;
  /** The cleaned-up text, or the source lines it was parsed from. */
  view: DocumentPageParams["view"];
  /** A search whose words are marked in the text. */
  hl: DocumentPageParams["hl"];
  /** The source lines, when view is "source". */
  sourceLines: { n: number; text: string }[];
  /** Each passage's topics (those of the document it shows evidence for), by paragraph id. */
  passageTopics?: ReadonlyMap<string, TopicChip[]>;
}

export function DocumentPage({ doc, view, hl, sourceLines, passageTopics }: DocumentPageProps) {
  const needles = view === "text" ? needlesForQuery(hl) : [];
  const marks = new Map(doc.paragraphs.map((p) => [p.id, findRanges(p.text, needles)]));
  const toc = doc.paragraphs.filter((p) => p.headingLevel !== null && p.headingLevel <= 2);
  const segment = documentListUrl(doc.kind);
  const plainUrl = documentUrl(doc.kind, doc.id);
  return (
    <CitationProvider source={documentCitationSource(doc)}>
      <article className="lg:grid lg:grid-cols-[minmax(0,1fr)_18rem] lg:gap-10">
        <div className="min-w-0">
          <nav aria-label="面包屑" className="mb-4 text-sm">
            <Link href={segment}>{KIND_LABEL[doc.kind]}</Link>
            <span aria-hidden="true" className="mx-2 text-stone-400">
              /
            </span>
            <span className="text-stone-600 dark:text-stone-400">{doc.source.title}</span>
          </nav>
          <header className="mb-8 space-y-2">
            <h1 className="text-2xl font-semibold leading-snug tracking-tight sm:text-3xl">{doc.title}</h1>
            {doc.subtitle ? <p className="text-stone-600 dark:text-stone-300">{doc.subtitle}</p> : null}
            <p className="text-sm text-stone-600 dark:text-stone-400">
              {doc.speakers.length
                ? `${doc.speakers.map((sp) => `${sp.name}${sp.role ? `（${sp.role}）` : ""}`).join("、")} · `
                : ""}
              {doc.source.body} · {formatDateZh(doc.date)}
            </p>
            <TopicChips topics={doc.topics} label="本文主题" />
            <div className="flex flex-wrap gap-3 pt-1 text-sm">
              <CiteButton label="全文" path={plainUrl}>
                引用全文
              </CiteButton>
              {view === "source" ? (
                <Link href={plainUrl}>阅读整理后的正文</Link>
              ) : (
                <Link href={documentSourceUrl(doc.kind, doc.id)}>
                  查看原文（第{doc.source.lineStart}–{doc.source.lineEnd}行）
                </Link>
              )}
            </div>
          </header>

          {/* On a phone the sidebar comes after the text: who speaks and the contents come first, folded. */}
          {doc.speakers.length || toc.length ? (
            <div className="mb-6 space-y-3 lg:hidden">
              {doc.speakers.length ? (
                <details className="rounded-lg border border-stone-200 bg-white px-4 dark:border-stone-800 dark:bg-stone-900">
                  <summary className="flex min-h-11 cursor-pointer items-center text-sm font-medium">
                    {speakerRole(doc)}：{doc.speakers.map((sp) => sp.name).join("、")}
                  </summary>
                  <div className="pb-4">
                    <SpeakerCard doc={doc} headingId="speaker-heading-top" bare />
                  </div>
                </details>
              ) : null}
              {toc.length ? (
                <details className="rounded-lg border border-stone-200 bg-white px-4 dark:border-stone-800 dark:bg-stone-900">
                  <summary className="flex min-h-11 cursor-pointer items-center text-sm font-medium">
                    目录（{toc.length} 节）
                  </summary>
                  <nav aria-label="目录" className="pb-4 text-sm">
                    <TocList doc={doc} toc={toc} view={view} />
                  </nav>
                </details>
              ) : null}
            </div>
          ) : null}
          {hl && view === "text" ? (
            <HighlightNotice
              q={hl}
              places={doc.paragraphs.map((p) => ({ anchor: documentParagraphAnchor(p.n), ranges: marks.get(p.id)! }))}
              plainHref={plainUrl}
            />
          ) : null}
          {view === "source" ? (
            <section aria-labelledby="source-heading">
              <h2 id="source-heading" className="mb-3 text-lg font-semibold">
                原文 · {doc.source.file}
              </h2>
              <p className="mb-3 text-sm text-stone-600 dark:text-stone-400">
                原始文本逐行照录（含页眉、断行等提取痕迹），便于核对。
              </p>
              <ol className="overflow-x-auto rounded-lg border border-stone-200 bg-white p-4 font-mono text-sm leading-6 dark:border-stone-800 dark:bg-stone-900">
                {sourceLines.map((l) => (
                  <li key={l.n} id={`l-${l.n}`} className="flex gap-4 whitespace-pre-wrap">
                    <span className="w-12 shrink-0 select-none text-right text-stone-500">{l.n}</span>
                    <span>{l.text || "\u00a0"}</span>
                  </li>
                ))}
              </ol>
            </section>
          ) : (
            <div className="max-w-[42em] space-y-4 font-serif text-[1.0625rem] leading-[1.9]">
              {doc.paragraphs.map((p) => (
                <Paragraph
                  key={p.id}
                  doc={doc}
                  p={p}
                  marks={marks.get(p.id)!}
                  topics={passageTopics?.get(p.id) ?? []}
                />
              ))}
            </div>
          )}
          <AnchorLanding />

          <nav
            aria-label="同一来源的上一篇和下一篇"
            className="mt-12 grid gap-4 border-t border-stone-200 pt-6 text-sm sm:grid-cols-2 dark:border-stone-800"
          >
            {doc.previous ? (
              <Link href={doc.previous.url} rel="prev">
                ← 上一篇：{doc.previous.title}
              </Link>
            ) : (
              <span />
            )}
            {doc.next ? (
              <Link href={doc.next.url} rel="next" className="sm:text-right">
                下一篇：{doc.next.title} →
              </Link>
            ) : null}
          </nav>
        </div>

        <aside className="mt-10 space-y-6 lg:mt-0" aria-label="文档信息">
          {doc.speakers.length ? (
            <div className="hidden lg:block">
              <SpeakerCard doc={doc} headingId="speaker-heading" />
            </div>
          ) : null}
          {doc.authoringOffice ? (
            <section className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
              <h2 className="mb-1 text-sm font-semibold text-stone-600 dark:text-stone-400">报送机构</h2>
              <p>{doc.authoringOffice}</p>
            </section>
          ) : null}
          <DocumentTopicsPanel documentId={doc.id} kind={doc.kind} />
          <DocumentLinksPanel documentId={doc.id} kind={doc.kind} />
          <section className="rounded-lg border border-stone-200 bg-white p-4 text-sm dark:border-stone-800 dark:bg-stone-900">
            <h2 className="mb-1 font-semibold text-stone-600 dark:text-stone-400">出处</h2>
            <p>{doc.source.title}</p>
            <p className="text-stone-600 dark:text-stone-400">
              {doc.source.file}，第{doc.source.lineStart}–{doc.source.lineEnd}行
            </p>
          </section>
          {toc.length ? (
            // Last in the sidebar and sticky: on a long document the contents stay in view while reading.
            <nav
              aria-labelledby="toc-heading"
              className="sticky top-4 hidden max-h-[calc(100vh-2rem)] overflow-y-auto rounded-lg border border-stone-200 bg-white p-4 text-sm lg:block dark:border-stone-800 dark:bg-stone-900"
            >
              <h2 id="toc-heading" className="mb-2 font-semibold text-stone-600 dark:text-stone-400">
                目录
              </h2>
              <TocList doc={doc} toc={toc} view={view} />
            </nav>
          ) : null}
        </aside>
      </article>
    </CitationProvider>
  );
}
