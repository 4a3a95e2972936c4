import type { MatchReason } from "@/lib/search/match";

/** A reason a hit matched, as the search page (and its CSV export) words it. */
export function describeMatch(m: MatchReason): string {
  switch (m.kind) {
    case "term":
      return m.term;
    case "context":
      return `${m.term}（所在章节标题）`;
    case "words":
      return `${m.term}（${m.words.join(" + ")}）`;
    case "synonym":
      return `${m.term} → 同义词“${m.synonym}”`;
    case "partial":
      return `${m.term}（部分：${m.words.join(" + ")}）`;
  }
}
