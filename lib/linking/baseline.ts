/**
 * The baseline the linker is measured against (npm run eval:links): plain TF-IDF cosine between a
 * document's whole text and each plan section's or subsection's whole text, over the same
 * segmentation (jieba with the policy dictionary) — no stop-words, synonyms, roles or passages.
 */
import { normalizeText } from "../search/normalize";
import { getJieba } from "../search/segment";
import type { LinkDocument, LinkPlanNode } from "./types";
import { addTo, cosine, inverseDocumentFrequency, norm, type TermVector } from "./vectors";

const WORD = /[\p{Script=Han}a-z0-9]/u;

function tokens(text: string): string[] {
  return getJieba()
    .cut(normalizeText(text), true)
    .map((t) => t.trim())
    .filter((t) => t && WORD.test(t));
}

export interface BaselineOptions {
  /** A section's text includes its subsections' text (its "whole text"), or only its own paragraphs. */
  sectionsIncludeSubsections: boolean;
}

export interface BaselineRanking {
  rank(document: LinkDocument): { path: string; score: number }[];
}

export function buildBaseline(
  nodes: readonly LinkPlanNode[],
  documents: readonly LinkDocument[],
  options: BaselineOptions = { sectionsIncludeSubsections: true },
): BaselineRanking {
  const nodeText = (n: LinkPlanNode) => {
    const below = options.sectionsIncludeSubsections ? nodes.filter((m) => m.path.startsWith(`${n.path}.`)) : [];
    return [n, ...below].flatMap((m) => [m.label, ...m.paragraphs.map((p) => p.text)]).join("\n");
  };
  const docText = (d: LinkDocument) => [d.title, ...d.paragraphs.map((p) => p.text)].join("\n");
  const candidates = nodes
    .filter((n) => n.kind === "section" || n.kind === "subsection")
    .map((n) => ({ path: n.path, tokens: tokens(nodeText(n)) }));
  const docTokens = new Map(documents.map((d) => [d.id, tokens(docText(d))]));
  const idf = inverseDocumentFrequency([...candidates.map((c) => c.tokens), ...docTokens.values()]);
  const vectorOf = (ts: string[]) => {
    const counts = new Map<string, number>();
    for (const t of ts) addTo(counts, t, 1);
    const v: TermVector = new Map();
    for (const [t, c] of counts) v.set(t, c * idf(t));
    return { v, n: norm(v) };
  };
  const nodeVectors = candidates.map((c) => ({ path: c.path, ...vectorOf(c.tokens) }));
  return {
    rank(document) {
      const d = vectorOf(docTokens.get(document.id) ?? tokens(docText(document)));
      return nodeVectors
        .map((c) => ({ path: c.path, score: cosine(d.v, d.n, c.v, c.n) }))
        .sort((a, b) => b.score - a.score || a.path.localeCompare(b.path));
    },
  };
}
