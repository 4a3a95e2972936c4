import { KIND_SEGMENT, type DocumentKind } from "./kinds";

/** Kept for importers that predate lib/kinds; new code imports them from there. */
export { KIND_LABEL, KIND_SEGMENT } from "./kinds";

export const documentListUrl = (kind: DocumentKind) => `/${KIND_SEGMENT[kind]}`;
export const documentUrl = (kind: DocumentKind, id: string) => `${documentListUrl(kind)}/${encodeURIComponent(id)}`;
export const personUrl = (id: string) => `/people/${encodeURIComponent(id)}`;
/*
 * Anchors on reading pages. Each format is written here once: the pages give their elements these ids
 * and every link into them is built from the same helpers.
 */
/** A paragraph of a document: "p-10". */
export const documentParagraphAnchor = (n: number) => `p-${n}`;
/** A paragraph of a plan node, unique on its chapter's page: "3.2-p-4". */
export const planParagraphAnchor = (path: string, n: number) => `${path}-p-${n}`;
/** The heading of a plan node: "n-3.2". */
export const planNodeAnchor = (path: string) => `n-${path}`;
/** A target's mark in the plan text, and its entry in the chapter's target panel. */
export const planTargetAnchor = (id: string) => `t-${id}`;
export const planTargetPanelAnchor = (id: string) => `tp-${id}`;
/** "#…" for an anchor on the same page (ids are encoded like any other part of a URL). */
export const hashUrl = (anchor: string) => `#${encodeURIComponent(anchor)}`;

/** A chapter's page (or the preface's): the first segment of a node's path. */
export const planChapterUrl = (path: string) => `/plan/${encodeURIComponent(path.split(".")[0]!)}`;
/** "3.2.1" lives on the page of chapter 3; the preface ("0") has a page of its own. */
export const planNodeUrl = (path: string) => {
  const chapter = path.split(".")[0]!;
  return path === chapter ? planChapterUrl(path) : `${planChapterUrl(path)}${hashUrl(planNodeAnchor(path))}`;
};

/** A reading-page link that marks the words of search q (the page reads ?hl=). */
export function withHighlight(url: string, q: string): string {
  const at = url.indexOf("#");
  const [path, hash] = at < 0 ? [url, ""] : [url.slice(0, at), url.slice(at)];
  return `${path}${path.includes("?") ? "&" : "?"}hl=${encodeURIComponent(q)}${hash}`;
}

/** "第四章 区域协同…", "二、推动…", "(二)加强…": number and title, a space only after a number without its own punctuation. */
export function planNodeLabel(n: { number: string | null; title: string }): string {
  if (!n.number) return n.title;
  return /[、.．)）]$/u.test(n.number) ? `${n.number}${n.title}` : `${n.number} ${n.title}`;
}

/** Formats a date as precisely as the source states it. */
export function formatDate(date: Date | null, precision: string): string | null {
  if (!date) return null;
  const iso = date.toISOString().slice(0, 10);
  return precision === "year" ? iso.slice(0, 4) : precision === "month" ? iso.slice(0, 7) : iso;
}

export function formatDateZh(date: string | null): string {
  if (!date) return "日期不详";
  const [y, m, d] = date.split("-");
  return `${y}年${m ? `${Number(m)}月` : ""}${d ? `${Number(d)}日` : ""}`;
}

/** A document's page showing the source lines it was parsed from. */
export const documentSourceUrl = (kind: DocumentKind, id: string) => `${documentUrl(kind, id)}?view=source`;
/** A paragraph of a document, as its page anchors it. */
export const documentParagraphUrl = (kind: DocumentKind, id: string, n: number) =>
  `${documentUrl(kind, id)}${hashUrl(documentParagraphAnchor(n))}`;
/** A plan goal or target where it is marked in the text, on its chapter's page. */
export const planTargetUrl = (path: string, id: string) => `${planChapterUrl(path)}${hashUrl(planTargetAnchor(id))}`;
/** Every goal and target of the plan (/plan/targets), or those of one chapter. */
export const planTargetsUrl = (chapter?: string) =>
  chapter ? `/plan/targets?chapter=${encodeURIComponent(chapter)}` : "/plan/targets";
/** A paragraph of a plan node, on its chapter's page. */
export const planParagraphUrl = (path: string, n: number) =>
  `${planChapterUrl(path)}${hashUrl(planParagraphAnchor(path, n))}`;
/** Side by side: a document's passages and a plan node's passages, shared terms marked. */
export const compareUrl = (documentId: string, planPath: string) =>
  `/compare?document=${encodeURIComponent(documentId)}&plan=${encodeURIComponent(planPath)}`;
/** A link's public record: the link, its evidence and its history. */
export const linkRecordUrl = (id: string) => `/links/${encodeURIComponent(id)}`;

/** /coverage with its filters (defaults left out), or the same filters on the CSV export. */
export function coverageUrl(
  filter: { kind?: DocumentKind; source?: string; status: "visible" | "confirmed" },
  format?: "csv",
): string {
  const q = new URLSearchParams();
  if (format) q.set("format", format);
  if (filter.kind) q.set("kind", filter.kind);
  if (filter.source) q.set("source", filter.source);
  if (filter.status !== "visible") q.set("status", filter.status);
  const query = q.toString();
  return `${format ? "/api/v1/coverage" : "/coverage"}${query ? `?${query}` : ""}`;
}

/** Every topic, with counts and the attention chart. */
export const topicsUrl = "/topics";
/** One topic: its plan sections, documents and people. */
export const topicUrl = (slug: string) => `/topics/${encodeURIComponent(slug)}`;
/** The Atom feed of a topic's documents. */
export const topicFeedUrl = (slug: string) => `${topicUrl(slug)}/feed.xml`;
/** A kind's list filtered to one topic. */
export const documentListTopicUrl = (kind: DocumentKind, slug: string) =>
  `${documentListUrl(kind)}?topic=${encodeURIComponent(slug)}`;
