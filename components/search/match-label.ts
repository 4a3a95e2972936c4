import type { Match } from "@/lib/search/match";
import type { Relation } from "@/lib/search/thesaurus";

const RELATION_LABEL: Record<Relation, string> = {
  synonym: "同义词",
  narrower: "下位词",
  broader: "上位词",
  related: "相关词",
};

/** How a hit matched a term, as the search page (and its CSV export) words it. */
export function describeMatch(m: Match): string {
  switch (m.via) {
    case "text":
      return m.expansion ? `${m.term}（${m.expansion.split(" ").join(" + ")}）` : m.term;
    case "title":
      return `${m.term}（标题）`;
    case "context":
      return `${m.term}（所在章节标题）`;
    case "synonym":
    case "thesaurus":
      return `${m.term} → ${RELATION_LABEL[m.relation ?? "synonym"]}“${m.expansion ?? ""}”`;
    case "partial":
      return `${m.term}（部分：${(m.expansion ?? "").split(" ").join(" + ")}）`;
    case "feedback":
      return `${m.term}（相关结果中的“${m.expansion ?? ""}”）`;
  }
}
