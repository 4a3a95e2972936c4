import { Fragment } from "react";
import type { LinkedDocument, PlanNodeLink } from "@/lib/data/links";
import type { PlanNodeDetail, PlanTargetDto } from "@/lib/data/plan";
import { PlanNodeLinks } from "@/components/links/plan-node-links";
import { PassageTopics, TopicChips } from "@/components/topics/topic-chips";
import type { TopicChip } from "@/lib/data/topics";
import { HighlightedText, LayeredText, TERM_MARK_CLASS } from "@/components/ui/highlighted-text";
import {
  hashUrl,
  planNodeAnchor,
  planNodeLabel,
  planNodeUrl,
  planParagraphAnchor,
  planParagraphUrl,
  planTargetAnchor,
  planTargetPanelAnchor,
} from "@/lib/urls";
import { CiteButton } from "@/components/documents/citation";
import { TARGET_LABEL } from "./target-labels";

/** Where each target's sentence sits in its paragraph, for highlighting. */
function targetRanges(text: string, targets: PlanTargetDto[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const t of targets) {
    const at = text.indexOf(t.text);
    if (at >= 0) ranges.push([at, at + t.text.length]);
  }
  return ranges;
}

/** Target sentences are tinted; searched-for words inside them still stand out as marks. */
const TARGET_MARK_CLASS =
  "rounded-sm bg-amber-100 px-0.5 text-inherit underline decoration-amber-500 decoration-1 underline-offset-4 dark:bg-amber-900/30";

/** The nodes of a subtree, depth first (for counting marks over a chapter). */
export function flattenNodes(node: PlanNodeDetail): PlanNodeDetail[] {
  return [node, ...node.children.flatMap(flattenNodes)];
}

/** Where the searched-for words occur, by paragraph id or titleMarkKey: computed once for the whole chapter. */
export type TermMarks = ReadonlyMap<string, [number, number][]>;
export const titleMarkKey = (path: string) => `title:${path}`;

const HEADING = { 1: "h2", 2: "h3", 3: "h4" } as const;
const HEADING_CLASS = {
  1: "text-2xl font-semibold",
  2: "mt-10 text-xl font-semibold",
  3: "mt-8 text-lg font-semibold",
} as const;

interface PlanNodeSectionProps {
  node: PlanNodeDetail;
  marks: TermMarks;
  /** The documents linked to each node of the chapter, by path (read once for the chapter). */
  links?: ReadonlyMap<string, PlanNodeLink[]>;
  /** Who addressed each target, by target id. */
  addressedBy?: ReadonlyMap<string, LinkedDocument[]>;
  /** A signed-in editor can add documents to each node. */
  canEdit?: boolean;
  /** Each node's topics, by path. */
  topics?: ReadonlyMap<string, TopicChip[]>;
  /** Each paragraph's topics (those of its node), by paragraph id. */
  passageTopics?: ReadonlyMap<string, TopicChip[]>;
}

export function PlanNodeSection({
  node,
  marks,
  links,
  addressedBy,
  canEdit = false,
  topics,
  passageTopics,
}: PlanNodeSectionProps) {
  const level = Math.min(3, Math.max(1, node.level)) as 1 | 2 | 3;
  const Heading = HEADING[level];
  const anchor = planNodeAnchor(node.path);
  const label = planNodeLabel(node);
  return (
    <section aria-labelledby={anchor} className="scroll-mt-20">
      <Heading id={anchor} className={`scroll-mt-20 ${HEADING_CLASS[level]}`}>
        {/* The number as planNodeLabel writes it: a space only after one without its own punctuation (第一章). */}
        {node.number ? planNodeLabel({ number: node.number, title: "" }) : null}
        <HighlightedText text={node.title} ranges={marks.get(titleMarkKey(node.path)) ?? []} />
        <span className="ml-1 inline-flex items-center gap-1 align-baseline text-sm font-normal">
          <a
            href={hashUrl(anchor)}
            className="-my-2.5 inline-flex min-h-11 min-w-11 items-center justify-center align-middle text-stone-600 no-underline dark:text-stone-400"
            aria-label={`${node.title}的链接`}
          >
            #
          </a>
          <CiteButton label={label} part={label} path={planNodeUrl(node.path)} />
        </span>
      </Heading>
      <div className="mt-2">
        <TopicChips topics={topics?.get(node.path) ?? []} label={`${node.title}的主题`} />
      </div>
      <div className="mt-3 max-w-[42em] space-y-4 font-serif text-[1.0625rem] leading-[1.9]">
        {node.paragraphs.map((p) => {
          const targets = node.targets.filter((t) => t.paragraphN === p.n);
          return (
            <p
              key={p.id}
              id={planParagraphAnchor(node.path, p.n)}
              className="scroll-mt-20 indent-[2em] target:bg-amber-50 dark:target:bg-amber-950/40"
            >
              <LayeredText
                text={p.text}
                layers={[
                  { ranges: targetRanges(p.text, targets), className: TARGET_MARK_CLASS },
                  { ranges: marks.get(p.id) ?? [], className: TERM_MARK_CLASS },
                ]}
              />
              {targets.map((t) => {
                const label = `${TARGET_LABEL[t.kind]}${t.indicator ?? t.text.slice(0, 20)}`;
                const addressed = addressedBy?.get(t.id)?.length;
                return (
                  <Fragment key={t.id}>
                    <a
                      id={planTargetAnchor(t.id)}
                      href={hashUrl(planTargetAnchor(t.id))}
                      className="ml-1 align-super text-xs no-underline"
                      aria-label={`${TARGET_LABEL[t.kind]}：${t.indicator ?? t.text.slice(0, 20)}`}
                    >
                      [{TARGET_LABEL[t.kind]}]
                    </a>
                    {addressed ? (
                      <a
                        href={hashUrl(planTargetPanelAnchor(t.id))}
                        className="ml-0.5 align-super font-sans text-xs whitespace-nowrap"
                        aria-label={`${addressed}篇涉及：${label}`}
                      >
                        {addressed}篇涉及
                      </a>
                    ) : null}
                  </Fragment>
                );
              })}
              <span className="ml-1 inline-flex items-center gap-1 align-baseline font-sans">
                <a
                  href={hashUrl(planParagraphAnchor(node.path, p.n))}
                  className="-my-2.5 inline-flex min-h-11 min-w-11 items-center justify-center align-middle text-xs text-stone-700 no-underline dark:text-stone-300"
                  aria-label={`${label}第${p.n}段链接`}
                >
                  ¶{p.n}
                </a>
                <CiteButton
                  label={`${label}第${p.n}段`}
                  part={label}
                  paragraph={p.n}
                  path={planParagraphUrl(node.path, p.n)}
                />
                <PassageTopics topics={passageTopics?.get(p.id) ?? []} />
              </span>
            </p>
          );
        })}
        {node.figures.map((f) => (
          <figure
            key={f.fileName}
            className="rounded-lg border border-dashed border-stone-400 bg-stone-100 p-4 text-sm dark:border-stone-600 dark:bg-stone-900"
            role="note"
          >
            <figcaption>
              <strong>图表缺失：</strong>“{f.name}”在原文中为图片（{f.fileName}），未随文本收录。
            </figcaption>
          </figure>
        ))}
      </div>
      <PlanNodeLinks
        path={node.path}
        links={links?.get(node.path) ?? []}
        headingLevel={(level + 2) as 3 | 4 | 5}
        label={planNodeLabel(node)}
        canEdit={canEdit}
      />
      {node.children.map((c) => (
        <PlanNodeSection
          key={c.path}
          node={c}
          marks={marks}
          links={links}
          addressedBy={addressedBy}
          canEdit={canEdit}
          topics={topics}
          passageTopics={passageTopics}
        />
      ))}
    </section>
  );
}
