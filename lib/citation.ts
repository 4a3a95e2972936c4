/**
 * Citations of documents, plan nodes and their paragraphs: GB/T 7714-2015's form for an electronic
 * resource (`作者. 题名[EB/OL]. 出版者, 日期: 第N段[引用日期]. URL.`) and a plain Chinese one.
 * Pure: the page supplies what the data says, the browser the absolute URL and the day of copying.
 */

/** What a citation names, read from a document or the plan. */
export interface CitationSource {
  /** Who is responsible: speakers of a speech or proposal, the authoring office of a report, the plan's issuer. */
  authors: string[];
  title: string;
  /** A part of the work cited on its own: a plan node's label ("第三章 …"). */
  part?: string;
  /** The body that issued or published the source. */
  publisher: string;
  /** As precisely as the source states it: "2023", "2020-09" or "2021-04-22"; null when unknown. */
  date: string | null;
}

/** Where and when the reader cites it. */
export interface CitationTarget {
  /** The paragraph cited (its number on the page), or none for the whole work. */
  paragraph?: number;
  /** A stable absolute URL: no search marks, and for the whole work no fragment. */
  url: string;
  /** The reader's day of access, "YYYY-MM-DD". */
  accessed: string;
}

/** GB/T 7714 lists at most three responsible persons, then "等". */
function gbtAuthors(authors: string[]): string {
  return authors.length > 3 ? `${authors.slice(0, 3).join(", ")}, 等` : authors.join(", ");
}

/** Trailing full stops would double with the one the format puts after each element. */
const trimEnd = (s: string) => s.trim().replace(/[.。]+$/u, "");

export function formatGbt7714(source: CitationSource, target: CitationTarget): string {
  const authors = gbtAuthors(source.authors.map(trimEnd).filter(Boolean));
  const title = source.part ? `${trimEnd(source.title)}: ${trimEnd(source.part)}` : trimEnd(source.title);
  const published = [trimEnd(source.publisher), source.date].filter(Boolean).join(", ");
  const where = target.paragraph ? `${published}: 第${target.paragraph}段` : published;
  return `${authors ? `${authors}. ` : ""}${title}[EB/OL]. ${where}[${target.accessed}]. ${target.url}.`;
}

/** "2021-04-22" → "2021年4月22日", "2020-09" → "2020年9月", "2023" → "2023年". */
export function zhDate(date: string): string {
  const [y, m, d] = date.split("-");
  return `${y}年${m ? `${Number(m)}月` : ""}${d ? `${Number(d)}日` : ""}`;
}

export function formatPlain(source: CitationSource, target: CitationTarget): string {
  const authors = source.authors.map(trimEnd).filter(Boolean).join("、");
  const title = `《${trimEnd(source.title)}》${source.part ? `${trimEnd(source.part)}` : ""}`;
  const parts = [
    authors ? `${authors}：${title}` : title,
    trimEnd(source.publisher),
    source.date ? zhDate(source.date) : null,
    target.paragraph ? `第${target.paragraph}段` : null,
  ].filter(Boolean);
  return `${parts.join("，")}。${target.url}（访问日期：${zhDate(target.accessed)}）`;
}

/** The reader's local day, "YYYY-MM-DD": what they would write as the day they looked it up. */
export function accessDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A document's citation: speakers for speeches and proposals; the authoring office for reports. */
export function documentCitationSource(doc: {
  kind: string;
  title: string;
  authoringOffice: string | null;
  speakers: { name: string }[];
  date: string | null;
  source: { body: string };
}): CitationSource {
  const speakers = doc.speakers.map((s) => s.name);
  const office = doc.authoringOffice ? [doc.authoringOffice] : [];
  const authors = doc.kind === "report" ? (office.length ? office : speakers) : speakers.length ? speakers : office;
  return {
    authors: authors.length ? authors : [doc.source.body],
    title: doc.title,
    publisher: doc.source.body,
    date: doc.date,
  };
}

/**
 * A plan node's citation: the plan is the work, the node the part. The issuer is the source's body
 * (its full name), else the web page's 制定机关; the date is the page's 发布时间, else the source's date.
 */
export function planCitationSource(
  plan: { title: string; metadata: Record<string, string>; source: { body: string; date: string | null } },
  part?: string,
): CitationSource {
  const issuer = plan.source.body || plan.metadata["制定机关"] || "";
  const published = plan.metadata["发布时间"]?.trim();
  return {
    authors: issuer ? [issuer] : [],
    title: plan.title,
    part,
    publisher: issuer,
    date: published && /^\d{4}(-\d{2}){0,2}$/.test(published) ? published : plan.source.date,
  };
}
