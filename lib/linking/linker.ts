/**
 * The automatic linker: which plan subsections (and sections without any), goals and targets a
 * document addresses, with the sections two or more of its best subsections belong to ranked among
 * them. Pure: data in, data out.
 *
 * Terms: the search's segmentation (jieba + the policy dictionary) and normalisation, minus
 * stop-words of policy prose (data/links/stopwords.txt); sub-words of long words and synonyms count
 * below the written word; longer words weigh more; IDF over the plan's and the documents' paragraphs.
 *
 * A node's score fuses two signals (weights measured on the gold set's tune split):
 * - document similarity: cosine between the document's terms — each paragraph weighted by its role,
 *   a recommendation above background (roles.ts) — and the node's text with its title and, as
 *   context, its section's and chapter's titles;
 * - passage similarity: each document paragraph against each run of sentences of the node (cosine,
 *   same weighting), the best few pairs summed — these pairs are the link's evidence;
 * minus a share of the node's mean score over the corpus, so that the plan's catch-all nodes
 * (主要目标, 指导思想) do not come first for every document.
 *
 * Links are kept above calibrated thresholds, at most a handful per document, each with a band and
 * its best 1–3 passage pairs and the words they share.
 */
import { normalizeText } from "../search/normalize";
import { DEFAULT_ROLE_WEIGHTS, paragraphWeights, type RoleWeights } from "./roles";
import { linkSynonyms, linkTokens, subTokens } from "./text";
import type {
  Band,
  LinkDocument,
  LinkEvidenceOut,
  LinkPlanNode,
  LinkPlanTarget,
  LinkerResult,
  SuggestedLink,
} from "./types";
import { addTo, cosine, inverseDocumentFrequency, norm, tfWeight, type TermVector } from "./vectors";

export const LINKER_METHOD = "tfidf-passage-fusion";
/** Bump when scoring changes: stored suggestions record the version that made them. */
export const LINKER_VERSION = "3";

export interface LinkerOptions {
  roleWeights: RoleWeights;
  /** Plan passages are runs of sentences of at least this many characters (0 = whole paragraphs). */
  planWindowChars: number;
  /** Weight of a node's own title terms, added to each of its paragraphs. */
  titleWeight: number;
  /** Weight of the enclosing section's and chapter's title terms. */
  contextWeight: number;
  /** Weight of a sub-word of a long word (租赁 inside 保障性租赁住房), relative to the word. */
  subwordWeight: number;
  /** Weight of a synonym (data/search/synonyms.json), relative to the literal term. */
  synonymWeight: number;
  /** Extra weight per character beyond two: 保障性租赁住房 says more than 住房. */
  phraseBoost: number;
  /** A document passage with fewer distinct terms than this has its matches scaled down (√ of the share). */
  passageMinTerms: number;
  /** The document's title counts as one more passage of this weight. */
  documentTitleWeight: number;
  /** How many of a node's best passage pairs are summed, and the decay from one to the next. */
  topK: number;
  decay: number;
  /** Fusion of the passage score with the whole-document cosine. */
  passageWeight: number;
  documentWeight: number;
  /**
   * How much of a node's mean score over the corpus is taken off: a node that every document
   * matches a little (the plan's 主要目标, 指导思想) says little when one more does.
   */
  priorWeight: number;
  /**
   * Plan structure: a section with subsections is ranked too, scored from them — its second-best
   * subsection's score plus `sectionShare` × the gap to its best (0: right behind its second-best
   * subsection, as a subsection comes before its section at equal score) — so it comes among a
   * document's first nodes only when at least two of its subsections do. Negative = no section nodes.
   * Measured on the tune split: 0 keeps every exact hit and adds the sections the gold set names; a
   * larger share, or a section in place of its subsections, loses exact hits.
   */
  sectionShare: number;
  /**
   * Whether a ranked section may become a link (1) or only its subsections (0). A section passes
   * the thresholds only when its two best subsections do, which are then linked already.
   */
  sectionLinks: number;
  /** At most this many node links per document. */
  maxLinks: number;
  /**
   * A document's best node is linked when its score reaches `topMinScore`; every further node needs
   * `minScore` and `relativeMin` × the best score, or `topMinScore` and a score within `nearTopGap` of
   * the best. The best node is nearly always right when anything is (tune split), a second or third
   * one only when it is nearly as good — for a document whose best score is low, only when it is
   * within a small absolute distance (0.01–0.035 keep the shown links' precision ≥ 0.87 on the tune
   * split, 0.04 does not; the middle is taken).
   */
  topMinScore: number;
  minScore: number;
  relativeMin: number;
  nearTopGap: number;
  /** Score cut-offs of the bands 强 and 中; below `medium` (and above `minScore`) is 弱. */
  strongScore: number;
  mediumScore: number;
  /**
   * A goal or target is linked when one document passage matches its sentence with this score,
   * sharing at least `targetMinTerms` words; a target (a commitment inside a subsection) also needs
   * its node among the document's best `targetNodeWindow` nodes. At most `maxTargets` per document.
   */
  targetMinScore: number;
  targetMinTerms: number;
  targetNodeWindow: number;
  maxTargets: number;
  /** Band cut-offs of goal/target links (one passage pair, so a scale of its own). */
  targetStrongScore: number;
  targetMediumScore: number;
}

/**
 * Defaults chosen on the tune split of data/links/gold.json (npm run eval:links -- --tune): among
 * settings within noise of each other the simpler or the middle of a plateau. The thresholds are the
 * middle of the range that keeps the shown links' exact precision ≥ 0.85 on the tune split; the top
 * node's floor (0.09) lies above every off-topic test document tried (≤ 0.08) and below all but one
 * correct top node of the tune split.
 */
export const DEFAULT_LINKER_OPTIONS: LinkerOptions = {
  roleWeights: DEFAULT_ROLE_WEIGHTS,
  planWindowChars: 80,
  titleWeight: 2,
  contextWeight: 1,
  subwordWeight: 0.3,
  synonymWeight: 0.5,
  phraseBoost: 0.15,
  documentTitleWeight: 1,
  passageMinTerms: 15,
  topK: 3,
  decay: 0.6,
  passageWeight: 0.3,
  documentWeight: 1,
  priorWeight: 0.5,
  sectionShare: 0,
  sectionLinks: 0,
  maxLinks: 5,
  topMinScore: 0.09,
  minScore: 0.25,
  relativeMin: 0.7,
  nearTopGap: 0.025,
  strongScore: 0.3,
  mediumScore: 0.2,
  targetMinScore: 0.2,
  targetMinTerms: 2,
  targetNodeWindow: 5,
  maxTargets: 2,
  targetStrongScore: 0.35,
  targetMediumScore: 0.25,
};

/** Counted terms of one passage: literal words, their sub-words, and (optionally) synonyms. */
interface Terms {
  counts: Map<string, number>;
  /** Words written in the passage (what evidence may cite). */
  literal: Set<string>;
  /** A synonym of a written word → that word. */
  synonyms: Map<string, string>;
}

interface Unit {
  vector: TermVector;
  norm: number;
}

interface PlanPassage extends Unit {
  paragraphId: string;
  text: string;
  literal: Set<string>;
  node: number;
}

interface CandidateNode {
  node: LinkPlanNode;
  /** Indexes into `passages`. */
  passages: number[];
  whole: Unit;
}

interface TargetUnit extends Unit {
  target: LinkPlanTarget;
  node: LinkPlanNode;
  literal: Set<string>;
  text: string;
  planParagraphId: string;
}

export interface LinkIndex {
  options: LinkerOptions;
  idf: (term: string) => number;
  passages: PlanPassage[];
  candidates: CandidateNode[];
  targets: TargetUnit[];
  tokenCache: Map<string, string[]>;
  normCache: Map<string, string>;
  /** Mean raw score of each candidate node over the corpus's documents. */
  prior: number[];
  /** Sections with subsections among the candidates: the section's path and its subsections' indexes. */
  sections: { path: string; children: number[] }[];
  /** term → [plan passage, weight] */
  postings: Map<string, [number, number][]>;
}

interface Pair {
  doc: DocPassage;
  plan: PlanPassage;
  score: number;
}

interface ScoredNode {
  path: string;
  /** A section scored from its subsections (see `sectionShare`). */
  section: boolean;
  score: number;
  passageScore: number;
  documentScore: number;
  /** The node's best passage pairs, best first (one per document passage). */
  pairs: Pair[];
}

export interface RankedNode {
  path: string;
  /** A section scored from its subsections (see `sectionShare`). */
  section: boolean;
  score: number;
  passageScore: number;
  documentScore: number;
  evidence: LinkEvidenceOut[];
}

/** "第三章 产业强区…", "一、构建…", "(二)强化…" → the title without its number. */
export function stripNumber(label: string): string {
  return label.replace(
    /^\s*(第[一二三四五六七八九十百]+[章节篇]|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.、．])\s*/u,
    "",
  );
}

function normalized(index: Pick<LinkIndex, "normCache">, text: string): string {
  let n = index.normCache.get(text);
  if (n === undefined) {
    n = normalizeText(text);
    index.normCache.set(text, n);
  }
  return n;
}

function tokensOf(index: Pick<LinkIndex, "tokenCache">, text: string): string[] {
  let t = index.tokenCache.get(text);
  if (!t) {
    t = linkTokens(text);
    index.tokenCache.set(text, t);
  }
  return t;
}

function countTerms(tokens: readonly string[], options: LinkerOptions, scale = 1, synonyms = false): Terms {
  const counts = new Map<string, number>();
  const literal = new Set<string>();
  for (const t of tokens) {
    literal.add(t);
    addTo(counts, t, scale);
    for (const s of subTokens(t)) addTo(counts, s, scale * options.subwordWeight);
  }
  const sources = new Map<string, string>();
  if (synonyms) {
    for (const t of literal) for (const s of linkSynonyms(t)) if (!literal.has(s) && !sources.has(s)) sources.set(s, t);
  }
  return { counts, literal, synonyms: sources };
}

function merge(into: Map<string, number>, from: Map<string, number>, scale = 1): void {
  for (const [t, c] of from) addTo(into, t, c * scale);
}

function vectorize(
  counts: Map<string, number>,
  index: Pick<LinkIndex, "idf" | "options">,
  synonyms: ReadonlyMap<string, string> = new Map(),
): Unit {
  const { options } = index;
  const specificity = (t: string) => index.idf(t) * (1 + options.phraseBoost * Math.max(0, [...t].length - 2));
  const vector: TermVector = new Map();
  for (const [t, c] of counts) vector.set(t, tfWeight(c) * specificity(t));
  // A synonym matches as its written word would, at `synonymWeight`: scaled so that the product with
  // the other side's weight of the synonym is synonymWeight × what the written word would give —
  // a rare long synonym (自由贸易试验区 for 自贸区) must not outscore the word itself.
  for (const [s, t] of synonyms) {
    const weight = options.synonymWeight * tfWeight(counts.get(t) ?? 1) * (specificity(t) ** 2 / specificity(s));
    addTo(vector, s, weight);
  }
  return { vector, norm: norm(vector) };
}

/**
 * A plan paragraph cut into runs of whole sentences of at least `minChars` characters: a plan
 * paragraph lists several measures, and a document passage usually meets one of them. 0 = whole.
 */
export function windows(text: string, minChars: number): string[] {
  if (minChars <= 0) return [text];
  const sentences = text.match(/[^。；！？]+[。；！？]?/gu) ?? [text];
  const out: string[] = [];
  let current = "";
  for (const s of sentences) {
    current += s;
    if ([...current].length >= minChars) {
      out.push(current);
      current = "";
    }
  }
  if (current) {
    if (out.length && [...current].length < minChars / 2) out[out.length - 1] += current;
    else out.push(current);
  }
  return out;
}

/**
 * The plan's most specific nodes are matched against a document: subsections, and sections without
 * any. Chapters, the preface and sections with subsections are context (their titles weigh in on
 * their subsections); a section with subsections is ranked from them (see `sectionShare`). Measured:
 * matching such a section's own text beside its subsections', or putting a section in place of its
 * subsections, lost more exact hits than it gained on the tune split.
 */
function isCandidate(node: LinkPlanNode, nodes: readonly LinkPlanNode[]): boolean {
  if (node.kind !== "section" && node.kind !== "subsection") return false;
  if (nodes.some((m) => m.path.startsWith(`${node.path}.`))) return false;
  // A node whose every target is a past achievement reports the last plan period: no goal to address.
  return !(node.targets.length > 0 && node.targets.every((t) => t.kind === "achievement"));
}

/**
 * Everything about the plan the linker needs, computed once: term statistics over the plan's and
 * the documents' paragraphs, the plan's passages with their context, and its goals and targets.
 */
export function buildLinkIndex(
  nodes: readonly LinkPlanNode[],
  documents: readonly LinkDocument[],
  options: LinkerOptions = DEFAULT_LINKER_OPTIONS,
): LinkIndex {
  const tokenCache = new Map<string, string[]>();
  const cacheOnly = { tokenCache };
  const collection: string[][] = [];
  const withSubwords = (tokens: string[]) => [...tokens, ...tokens.flatMap(subTokens)];
  for (const n of nodes) for (const p of n.paragraphs) collection.push(withSubwords(tokensOf(cacheOnly, p.text)));
  for (const d of documents) for (const p of d.paragraphs) collection.push(withSubwords(tokensOf(cacheOnly, p.text)));
  const idf = inverseDocumentFrequency(collection);
  const index: LinkIndex = {
    options,
    idf,
    passages: [],
    candidates: [],
    targets: [],
    tokenCache,
    normCache: new Map(),
    prior: [],
    sections: [],
    postings: new Map(),
  };

  const byPath = new Map(nodes.map((n) => [n.path, n]));
  const ancestorsOf = (path: string) => {
    const parts = path.split(".");
    return parts.slice(0, -1).flatMap((_, k) => byPath.get(parts.slice(0, k + 1).join(".")) ?? []);
  };
  const titleTerms = (n: LinkPlanNode, scale: number) =>
    countTerms(tokensOf(index, stripNumber(n.label)), options, scale);

  for (const node of nodes) {
    if (!isCandidate(node, nodes)) continue;
    const context = new Map<string, number>();
    merge(context, titleTerms(node, options.titleWeight).counts);
    for (const a of ancestorsOf(node.path)) merge(context, titleTerms(a, options.contextWeight).counts);
    const candidate: CandidateNode = { node, passages: [], whole: { vector: new Map(), norm: 0 } };
    const wholeCounts = new Map<string, number>(context);
    for (const p of node.paragraphs) {
      merge(wholeCounts, countTerms(tokensOf(index, p.text), options).counts);
      for (const piece of windows(p.text, options.planWindowChars)) {
        const terms = countTerms(tokensOf(index, piece), options);
        const counts = new Map(terms.counts);
        merge(counts, context);
        candidate.passages.push(index.passages.length);
        index.passages.push({
          ...vectorize(counts, index),
          paragraphId: p.id,
          text: normalizeText(piece),
          literal: terms.literal,
          node: index.candidates.length,
        });
      }
    }
    candidate.whole = vectorize(wholeCounts, index);
    index.candidates.push(candidate);

    for (const target of node.targets) {
      if (target.kind === "achievement") continue;
      const paragraph = node.paragraphs.find((p) => p.n === target.paragraphN) ?? node.paragraphs[0];
      if (!paragraph) continue;
      // A target's sentence is short ("家庭接入超千兆"): its node's title says what it is about.
      const terms = countTerms(tokensOf(index, target.text), options);
      const counts = new Map(terms.counts);
      merge(counts, titleTerms(node, options.titleWeight / 2).counts);
      index.targets.push({
        ...vectorize(counts, index),
        target,
        node,
        literal: terms.literal,
        text: normalizeText(target.text),
        planParagraphId: paragraph.id,
      });
    }
  }
  for (const section of nodes) {
    if (section.kind !== "section") continue;
    const children = index.candidates.flatMap((c, i) => (parentPath(c.node.path) === section.path ? [i] : []));
    if (children.length >= 2) index.sections.push({ path: section.path, children });
  }
  index.passages.forEach((p, k) => {
    for (const [t, w] of p.vector) index.postings.set(t, [...(index.postings.get(t) ?? []), [k, w]]);
  });
  if (options.priorWeight > 0 && documents.length) {
    // A mean: a sample of the documents (every k-th by id, so any order gives the same) is enough
    // and keeps a hundredfold corpus from paying for it.
    const byId = [...documents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const step = Math.max(1, Math.ceil(byId.length / PRIOR_SAMPLE));
    const sample = byId.filter((_, i) => i % step === 0);
    const sums = index.candidates.map(() => 0);
    for (const d of sample) scoreNodes(d, index).forEach((r, i) => (sums[i]! += r.score));
    index.prior = sums.map((x) => x / sample.length);
  }
  return index;
}

interface DocPassage extends Unit {
  /** Short passages (a heading, a title) meet a plan passage by chance more often: less say. */
  support: number;
  paragraphId: string | null;
  text: string;
  literal: Set<string>;
  weight: number;
}

const supportOf = (distinctTerms: number, options: LinkerOptions) =>
  options.passageMinTerms > 0 ? Math.min(1, Math.sqrt(distinctTerms / options.passageMinTerms)) : 1;

function documentPassages(document: LinkDocument, index: LinkIndex): DocPassage[] {
  const { options } = index;
  const weights = paragraphWeights(document.paragraphs, options.roleWeights);
  const out: DocPassage[] = [];
  const title = countTerms(tokensOf(index, document.title), options, 1, true);
  out.push({
    ...vectorize(title.counts, index, title.synonyms),
    paragraphId: null,
    support: supportOf(title.literal.size, options),
    text: normalized(index, document.title),
    literal: title.literal,
    weight: options.documentTitleWeight,
  });
  document.paragraphs.forEach((p, i) => {
    const weight = weights[i]!;
    if (weight <= 0) return;
    const terms = countTerms(tokensOf(index, p.text), options, 1, true);
    if (!terms.counts.size) return;
    out.push({
      ...vectorize(terms.counts, index, terms.synonyms),
      paragraphId: p.id,
      support: supportOf(terms.literal.size, options),
      text: normalized(index, p.text),
      literal: terms.literal,
      weight,
    });
  });
  return out;
}

/** Terms both passages contain, by how much each added to their similarity, most first. */
function sharedTerms(a: DocPassage, b: { vector: TermVector; text: string }, limit = 6): string[] {
  const contributions: [string, number][] = [];
  for (const [t, w] of a.vector) {
    const o = b.vector.get(t);
    // Only words written in both passages: evidence a reader can find on either side.
    if (o === undefined || !a.text.includes(t) || !b.text.includes(t)) continue;
    contributions.push([t, w * o]);
  }
  contributions.sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
  // A sub-word inside a longer shared word adds nothing for the reader.
  const picked: string[] = [];
  for (const [t] of contributions) {
    if (picked.some((p) => p.includes(t))) continue;
    picked.push(t);
    if (picked.length >= limit) break;
  }
  return picked;
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/** Raw scores of every candidate node, in the index's order. */
function scoreNodes(document: LinkDocument, index: LinkIndex): ScoredNode[] {
  const { options } = index;
  const passages = documentPassages(document, index);
  // Pair scores: document passage × plan passage, weighted by the document passage's role.
  const whole = new Map<string, number>();
  for (const p of passages) for (const [t, w] of p.vector) addTo(whole, t, w * p.weight);
  const wholeNorm = norm(whole);

  // Similarities of every document passage with every plan passage, through the plan's postings.
  const sims = passages.map((d) => {
    const row = new Float64Array(index.passages.length);
    for (const [t, w] of d.vector) for (const [k, pw] of index.postings.get(t) ?? []) row[k]! += w * pw;
    const scale = d.weight * d.support;
    for (let k = 0; k < row.length; k++) if (row[k]) row[k] = (row[k]! / (d.norm * index.passages[k]!.norm)) * scale;
    return row;
  });

  const ranked = index.candidates.map((candidate) => {
    const pairs: Pair[] = [];
    passages.forEach((d, i) => {
      let best: { plan: PlanPassage; score: number } | null = null;
      for (const k of candidate.passages) {
        const s = sims[i]![k]!;
        if (!best || s > best.score) best = { plan: index.passages[k]!, score: s };
      }
      if (best && best.score > 0) pairs.push({ doc: d, ...best });
    });
    pairs.sort((a, b) => b.score - a.score);
    let passageScore = 0;
    pairs.slice(0, options.topK).forEach((p, i) => (passageScore += p.score * options.decay ** i));
    const documentScore = cosine(whole, wholeNorm, candidate.whole.vector, candidate.whole.norm);
    const score = options.passageWeight * passageScore + options.documentWeight * documentScore;
    return { path: candidate.node.path, section: false, score, passageScore, documentScore, pairs: pairs.slice(0, 8) };
  });
  return ranked;
}

/** The best 1–3 passage pairs behind a node's score that share words a reader can see on both sides. */
function evidenceOf(pairs: readonly Pair[]): LinkEvidenceOut[] {
  const evidence: LinkEvidenceOut[] = [];
  for (const p of pairs) {
    if (evidence.length >= 3) break;
    if (p.doc.paragraphId === null) continue;
    const terms = sharedTerms(p.doc, p.plan);
    if (!terms.length) continue;
    evidence.push({
      paragraphId: p.doc.paragraphId,
      planParagraphId: p.plan.paragraphId,
      terms,
      score: round(p.score),
    });
  }
  return evidence;
}

/** How many documents the catch-all prior is measured on, at most. */
const PRIOR_SAMPLE = 300;

/** How many of a ranking's first nodes get their evidence worked out (more than are ever linked). */
const EVIDENCE_WINDOW = 12;

const depth = (path: string) => path.split(".").length;
const parentPath = (path: string) => (path.includes(".") ? path.slice(0, path.lastIndexOf(".")) : null);

/**
 * A section's score from its subsections' (see `sectionShare`); its passage pairs are theirs, best
 * first, one per document passage; its score parts are its best subsection's.
 */
function sectionNodes(scored: readonly ScoredNode[], index: LinkIndex): ScoredNode[] {
  const { sectionShare } = index.options;
  if (sectionShare < 0) return [];
  return index.sections.flatMap(({ path, children }) => {
    const ranked = children.map((i) => scored[i]!).sort((a, b) => b.score - a.score);
    const [best, second] = ranked;
    if (!best || !second || second.score <= 0) return [];
    const seen = new Set<DocPassage>();
    const pairs = ranked
      .flatMap((r) => r.pairs)
      .sort((a, b) => b.score - a.score)
      .filter((p) => !seen.has(p.doc) && seen.add(p.doc))
      .slice(0, 8);
    const score = second.score + sectionShare * (best.score - second.score);
    return [{ ...best, path, section: true, score, pairs }];
  });
}

/**
 * Every candidate plan node and every section with subsections, best first, with its score parts;
 * the first few (more than are ever linked) with their best passage pairs as evidence, the rest with
 * none.
 */
export function rankPlanNodes(document: LinkDocument, index: LinkIndex): RankedNode[] {
  const { options } = index;
  const scored = scoreNodes(document, index).map((r, i) => ({
    ...r,
    score: r.score - options.priorWeight * (index.prior[i] ?? 0),
  }));
  const sections = sectionNodes(scored, index);
  return [...scored, ...sections]
    .map((r) => ({ ...r, score: round(r.score) }))
    .sort((a, b) => b.score - a.score || depth(b.path) - depth(a.path) || comparePaths(a.path, b.path))
    .map(({ pairs, ...r }, rank) => ({ ...r, evidence: rank < EVIDENCE_WINDOW ? evidenceOf(pairs) : [] }));
}

/** Plan paths in reading order: 2.10 after 2.9. */
export function comparePaths(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

export function bandOf(score: number, options: LinkerOptions = DEFAULT_LINKER_OPTIONS): Band {
  return score >= options.strongScore ? "strong" : score >= options.mediumScore ? "medium" : "weak";
}

/** The node links kept for a document: above the thresholds, at most `maxLinks`. */
export function selectLinks(ranked: readonly RankedNode[], options: LinkerOptions): RankedNode[] {
  const top = ranked[0]?.score ?? 0;
  return ranked
    .filter((r) => options.sectionLinks > 0 || !r.section)
    .filter((r, i) =>
      i === 0
        ? r.score >= options.topMinScore
        : (r.score >= options.minScore && r.score >= options.relativeMin * top) ||
          (r.score >= options.topMinScore && top - r.score <= options.nearTopGap),
    )
    .filter((r) => r.evidence.length > 0)
    .slice(0, options.maxLinks);
}

/** Goals and targets a document's passage matches strongly, best first. */
export function rankTargets(
  document: LinkDocument,
  index: LinkIndex,
): { target: LinkPlanTarget; node: LinkPlanNode; score: number; evidence: LinkEvidenceOut[] }[] {
  const passages = documentPassages(document, index).filter((p) => p.paragraphId !== null);
  const out = index.targets.map((t) => {
    let best: { doc: DocPassage; score: number } | null = null;
    for (const d of passages) {
      const s = cosine(d.vector, d.norm, t.vector, t.norm) * d.weight;
      if (!best || s > best.score) best = { doc: d, score: s };
    }
    const terms = best ? sharedTerms(best.doc, t) : [];
    const evidence =
      best && terms.length
        ? [{ paragraphId: best.doc.paragraphId!, planParagraphId: t.planParagraphId, terms, score: round(best.score) }]
        : [];
    return { target: t.target, node: t.node, score: round(best?.score ?? 0), evidence };
  });
  return out.sort((a, b) => b.score - a.score || a.target.id.localeCompare(b.target.id));
}

/** Links every document to the plan: node links and goal/target links, deterministic. */
export function linkCorpus(
  documents: readonly LinkDocument[],
  nodes: readonly LinkPlanNode[],
  options: Partial<LinkerOptions> = {},
): LinkerResult {
  const full = { ...DEFAULT_LINKER_OPTIONS, ...options };
  const index = buildLinkIndex(nodes, documents, full);
  const links: SuggestedLink[] = [];
  for (const document of documents) {
    const ranked = rankPlanNodes(document, index);
    for (const r of selectLinks(ranked, full)) {
      links.push({
        documentId: document.id,
        planPath: r.path,
        targetId: null,
        score: r.score,
        band: bandOf(r.score, full),
        evidence: r.evidence,
      });
    }
    const near = new Set(ranked.slice(0, full.targetNodeWindow).map((r) => r.path));
    const targets = rankTargets(document, index)
      .filter(
        (t) =>
          t.score >= full.targetMinScore &&
          (t.evidence[0]?.terms.length ?? 0) >= full.targetMinTerms &&
          (t.target.kind === "goal" || near.has(t.node.path)),
      )
      .slice(0, full.maxTargets);
    for (const t of targets) {
      links.push({
        documentId: document.id,
        planPath: t.node.path,
        targetId: t.target.id,
        score: t.score,
        band: t.score >= full.targetStrongScore ? "strong" : t.score >= full.targetMediumScore ? "medium" : "weak",
        evidence: t.evidence,
      });
    }
  }
  return { method: LINKER_METHOD, version: LINKER_VERSION, links };
}
