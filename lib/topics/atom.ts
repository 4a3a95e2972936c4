/** An Atom 1.0 feed (RFC 4287) of a topic's documents, as text. Pure: the caller gives absolute URLs. */

const xml = (s: string) =>
  s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

export interface AtomEntry {
  id: string;
  title: string;
  url: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD, or null. */
  date: string | null;
  authors: string[];
  summary: string;
}

/** A partial date as an RFC 3339 timestamp (the first day it can mean); Atom requires one. */
export function atomDate(date: string | null, fallback = "1970-01-01"): string {
  const d = date ?? fallback;
  const [y, m = "01", day = "01"] = d.split("-");
  return `${y}-${m}-${day}T00:00:00Z`;
}

export function atomFeed(feed: {
  id: string;
  title: string;
  subtitle: string;
  selfUrl: string;
  pageUrl: string;
  entries: AtomEntry[];
}): string {
  const updated =
    feed.entries
      .map((e) => atomDate(e.date))
      .sort()
      .at(-1) ?? atomDate(null);
  const entries = feed.entries
    .map(
      (e) => `  <entry>
    <id>${xml(e.id)}</id>
    <title>${xml(e.title)}</title>
    <link rel="alternate" type="text/html" href="${xml(e.url)}"/>
    <updated>${atomDate(e.date)}</updated>
${(e.authors.length ? e.authors : ["政策对照"]).map((a) => `    <author><name>${xml(a)}</name></author>`).join("\n")}
    <summary>${xml(e.summary)}</summary>
  </entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${xml(feed.id)}</id>
  <title>${xml(feed.title)}</title>
  <subtitle>${xml(feed.subtitle)}</subtitle>
  <link rel="self" type="application/atom+xml" href="${xml(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${xml(feed.pageUrl)}"/>
  <updated>${updated}</updated>
${entries}
</feed>
`;
}
