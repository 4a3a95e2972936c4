import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DocumentChoicesProvider } from "@/components/curation/document-choices";
import { documentOptions } from "@/components/curation/options";
import { flattenNodes, PlanNodeSection, titleMarkKey } from "@/components/plan/plan-node-section";
import { HighlightNotice } from "@/components/search/highlight-notice";
import { TargetPanel } from "@/components/plan/target-panel";
import { documentsByTarget, groupLinksByPath } from "@/components/links/plan-links";
import { flatSearchParams, planChapterParams, planPageParams, type SearchParamsInput } from "@/lib/data/params";
import { currentEditor } from "@/lib/auth/editor";
import { listLinksForPlanNode } from "@/lib/data/links";
import { getPlanNode, getPlanOutline } from "@/lib/data/plan";
import { planNodeTopics, planPassageTopics } from "@/lib/data/topics";
import { findRanges } from "@/lib/search/highlight";
import { needlesForQuery } from "@/lib/search/query";
import { planChapterUrl, planNodeAnchor, planNodeLabel, planParagraphAnchor } from "@/lib/urls";
import { planCitationSource } from "@/lib/citation";
import { CitationProvider } from "@/components/documents/citation";
import { AnchorLanding } from "@/components/ui/anchor-landing";

interface Props {
  params: Promise<{ chapter: string }>;
  searchParams: SearchParamsInput;
}

async function load(props: Props) {
  const parsed = planChapterParams.safeParse(await props.params);
  if (!parsed.success) notFound();
  const [node, outline] = await Promise.all([getPlanNode(parsed.data.chapter), getPlanOutline()]);
  if (!node || !outline) notFound();
  return { node, outline };
}

/** Every link into the chapter, read once (by node and target the page groups them itself). */
async function loadLinks(props: Props) {
  const parsed = planChapterParams.safeParse(await props.params);
  return parsed.success ? listLinksForPlanNode(parsed.data.chapter, { descendants: true }) : [];
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { node } = await load(props);
  return { title: planNodeLabel(node) };
}

/** The documents an editor can add to a node; readers need none. */
async function loadDocumentChoices() {
  return (await currentEditor()) ? documentOptions() : null;
}

export default async function PlanChapterPage(props: Props) {
  const [{ node, outline }, { hl }, links, documentChoices] = await Promise.all([
    load(props),
    flatSearchParams(props.searchParams).then((p) => planPageParams.parse(p)),
    loadLinks(props),
    loadDocumentChoices(),
  ]);
  const [topics, passageTopics] = await Promise.all([planNodeTopics(node.path), planPassageTopics(node.path)]);
  const linksByPath = groupLinksByPath(links);
  const addressedBy = documentsByTarget(
    flattenNodes(node).flatMap((n) => n.targets),
    links,
  );
  const needles = needlesForQuery(hl);
  // Titles and paragraphs in reading order, each with the anchor a notice can jump to.
  const texts = flattenNodes(node).flatMap((n) => [
    { id: titleMarkKey(n.path), text: n.title, anchor: planNodeAnchor(n.path) },
    ...n.paragraphs.map((p) => ({ id: p.id, text: p.text, anchor: planParagraphAnchor(n.path, p.n) })),
  ]);
  const marks = new Map(texts.map((t) => [t.id, findRanges(t.text, needles)]));
  const chapters = outline.nodes;
  const i = chapters.findIndex((c) => c.path === node.path);
  const prev = chapters[i - 1];
  const next = chapters[i + 1];
  // The plan's source row carries no date here; the page's 发布时间 gives the citation its date.
  const citation = planCitationSource({ ...outline, source: { body: outline.source.body, date: null } });
  return (
    <CitationProvider source={citation}>
      <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_20rem] lg:gap-10">
        <div className="min-w-0">
          <nav aria-label="面包屑" className="mb-4 text-sm">
            <Link href="/plan">{outline.title}</Link>
          </nav>
          {hl ? (
            <HighlightNotice
              q={hl}
              places={texts.map((t) => ({ anchor: t.anchor, ranges: marks.get(t.id)! }))}
              plainHref={planChapterUrl(node.path)}
            />
          ) : null}
          {documentChoices ? (
            <DocumentChoicesProvider groups={documentChoices}>
              <PlanNodeSection
                node={node}
                marks={marks}
                links={linksByPath}
                addressedBy={addressedBy}
                topics={topics}
                passageTopics={passageTopics}
                canEdit
              />
            </DocumentChoicesProvider>
          ) : (
            <PlanNodeSection
              node={node}
              marks={marks}
              links={linksByPath}
              addressedBy={addressedBy}
              topics={topics}
              passageTopics={passageTopics}
            />
          )}
          <AnchorLanding />
          <nav
            aria-label="上一章和下一章"
            className="mt-12 grid gap-4 border-t border-stone-200 pt-6 text-sm sm:grid-cols-2 dark:border-stone-800"
          >
            {prev ? (
              <Link href={planChapterUrl(prev.path)} rel="prev">
                ← {planNodeLabel(prev)}
              </Link>
            ) : (
              <span />
            )}
            {next ? (
              <Link href={planChapterUrl(next.path)} rel="next" className="sm:text-right">
                {planNodeLabel(next)} →
              </Link>
            ) : null}
          </nav>
        </div>
        <div className="mt-10 lg:mt-0">
          <TargetPanel node={node} addressedBy={addressedBy} />
        </div>
      </div>
    </CitationProvider>
  );
}
