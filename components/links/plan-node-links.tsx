import Link from "next/link";
import { AddDocumentForm } from "@/components/curation/editor-only";
import { TARGET_LABEL } from "@/components/plan/target-labels";
import type { PlanNodeLink } from "@/lib/data/links";
import { DOCUMENT_KINDS, KIND_LABEL, type DocumentKind } from "@/lib/kinds";
import { compareUrl, documentParagraphUrl, formatDateZh, linkRecordUrl } from "@/lib/urls";
import { BandBadge, LinkNote, LinkStatusBadge, ORPHANED_EXPLANATION } from "./link-meta";
import { TermQuote, termNeedles } from "./term-quote";

type HeadingLevel = 3 | 4 | 5 | 6;

/** Per kind, the strongest few stay open; the rest wait behind a disclosure, so the plan text stays readable. */
const SHOWN = 3;
const LIST_CLASS = "divide-y divide-stone-200 dark:divide-stone-800";

interface PlanNodeLinksProps {
  path: string;
  /** The node's own links (not those of nodes below it), confirmed first, then by score. */
  links: readonly PlanNodeLink[];
  /** One below the node's own heading. */
  headingLevel: HeadingLevel;
  /** The node's label, naming an editor's form. */
  label: string;
  /** A signed-in editor can add a document to the node (the list of documents comes from DocumentChoicesProvider). */
  canEdit?: boolean;
}

/** A document's links to one node: the node link (or its best target link) first, its target links after. */
function byDocument(links: readonly PlanNodeLink[]): PlanNodeLink[][] {
  const out = new Map<string, PlanNodeLink[]>();
  for (const l of links) out.set(l.document.id, [...(out.get(l.document.id) ?? []), l]);
  return [...out.values()].map((ls) =>
    [...ls].sort((a, b) => Number(a.targetId !== null) - Number(b.targetId !== null)),
  );
}

function Item({ links }: { links: PlanNodeLink[] }) {
  const main = links[0]!;
  const doc = main.document;
  const evidence = main.evidence[0];
  const who = doc.speakers.map((s) => s.name).join("、");
  const targets = links.filter((l) => l.targetText);
  return (
    <li className="space-y-1 py-2">
      <p className="leading-6 font-medium">{doc.url ? <Link href={doc.url}>{doc.title}</Link> : doc.title}</p>
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-stone-600 dark:text-stone-400">
        {who ? <span>{who}</span> : null}
        {doc.date ? <span>{formatDateZh(doc.date)}</span> : null}
        <BandBadge band={main.band} />
        <LinkStatusBadge status={main.status} decidedBy={main.decidedBy} />
        {main.status !== "orphaned" && doc.url ? <Link href={compareUrl(doc.id, main.planPath)}>对照</Link> : null}
        <Link href={linkRecordUrl(main.id)}>记录</Link>
      </p>
      <LinkNote note={main.note} />
      {main.status === "orphaned" ? (
        <p className="text-xs text-amber-800 dark:text-amber-300">{ORPHANED_EXPLANATION}</p>
      ) : null}
      {targets.map((l) => (
        <p key={l.id} className="line-clamp-2 text-xs leading-5" title={l.targetText ?? undefined}>
          涉及{TARGET_LABEL[l.targetKind ?? "target"]}：{l.targetText}
        </p>
      ))}
      {evidence ? (
        <blockquote className="border-l-2 border-stone-300 pl-3 font-serif text-[0.9375rem] leading-7 text-stone-800 dark:border-stone-700 dark:text-stone-200">
          <TermQuote text={evidence.quote} needles={termNeedles(evidence.terms)} width={80} />
          {evidence.paragraphN !== null && doc.kind ? (
            <a
              href={documentParagraphUrl(doc.kind, doc.id, evidence.paragraphN)}
              className="ml-1 font-sans text-xs whitespace-nowrap"
            >
              原文第{evidence.paragraphN}段
            </a>
          ) : null}
        </blockquote>
      ) : null}
    </li>
  );
}

/** 相关发言与建议: the documents linked to one plan node, grouped by kind. */
export function PlanNodeLinks({ path, links, headingLevel, label, canEdit = false }: PlanNodeLinksProps) {
  if (!links.length && !canEdit) return null;
  const Heading = `h${headingLevel}` as const;
  const items = byDocument(links);
  const kinds: (DocumentKind | null)[] = [...DOCUMENT_KINDS, null];
  const groups = kinds
    .map((kind) => ({
      kind,
      label: kind ? KIND_LABEL[kind] : "原文已变动",
      items: items.filter((ls) => ls[0]!.document.kind === kind),
    }))
    .filter((g) => g.items.length);
  const headingId = `links-${path}`;
  return (
    <section
      aria-labelledby={headingId}
      className="mt-4 max-w-[42em] rounded-lg border border-stone-200 bg-white px-4 py-3 text-sm dark:border-stone-800 dark:bg-stone-900"
    >
      <Heading id={headingId} className="font-semibold text-stone-700 dark:text-stone-300">
        相关发言与建议（{items.length}）
      </Heading>
      {groups.map((g) => (
        <div key={g.kind ?? "gone"} className="mt-2">
          <p className="text-xs font-medium text-stone-600 dark:text-stone-400">
            {g.label}（{g.items.length}）
          </p>
          <ul aria-label={g.label} className={LIST_CLASS}>
            {g.items.slice(0, SHOWN).map((ls) => (
              <Item key={ls[0]!.document.id} links={ls} />
            ))}
          </ul>
          {g.items.length > SHOWN ? (
            <details>
              <summary className="cursor-pointer py-1 text-xs text-stone-700 dark:text-stone-300">
                其余 {g.items.length - SHOWN} 篇{g.label}
              </summary>
              <ul
                aria-label={`其余${g.label}`}
                className={`${LIST_CLASS} border-t border-stone-200 dark:border-stone-800`}
              >
                {g.items.slice(SHOWN).map((ls) => (
                  <Item key={ls[0]!.document.id} links={ls} />
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ))}
      {canEdit ? <AddDocumentForm planPath={path} nodeLabel={label} /> : null}
    </section>
  );
}
