/**
 * Topic assignment (ADR 0009), pure and deterministic: passages first, then documents and plan
 * nodes from their passages, their titles, the plan's structure and the plan links of a document.
 *
 * 1. Passage: each defining term found weighs by how rare it is in the corpus (a term in a handful
 *    of passages says more than 发展-like words that are everywhere), sub-linearly by repetition,
 *    synonyms below the written term. A passage is on a topic when its evidence reaches
 *    `passageMin`; its score saturates at `passageFull`.
 * 2. Document: three independent pieces of evidence combined as a noisy-OR —
 *    the title (a speech titled 打造零碳大兴 is about ecology whatever its body says);
 *    the share of the document's text on the topic, weighted by what each paragraph is for
 *    (recommendations over background, lib/linking/roles) and relative to the document's main topic;
 *    the topics of the plan nodes the document is linked to (the linker's verdict on what it addresses).
 *    Kept when the combination reaches `documentMin`, at most `maxTopics`.
 * 3. Plan node: its own title, the share of its text (its subsections' included) on the topic, and
 *    the titles of the section and chapter above it (a subsection of 第八章 蓝绿交织 is read in
 *    the light of its chapter).
 */
import { paragraphWeights } from "../linking/roles";
import { findTerms, prepareText, type PreparedText, type TermHit, type TermPattern, termPatterns } from "./match";
import type { Topic } from "./taxonomy";
import type {
  TopicAssignmentResult,
  TopicDocument,
  TopicParagraph,
  TopicPlanLink,
  TopicPlanNode,
  TopicScore,
} from "./types";

export const TOPIC_METHOD = "terms-share-structure-links";
export const TOPIC_VERSION = "1";

export interface TopicOptions {
  /** A term in `idfFull` passages or fewer weighs 1; a term in every passage weighs `idfFloor`. */
  idfFull: number;
  idfFloor: number;
  synonymWeight: number;
  /** Evidence a passage needs to be on a topic, and at which its score is 1. */
  passageMin: number;
  passageFull: number;
  /** A heading's evidence counts this many times (a heading names what follows). */
  headingBoost: number;
  /** Title evidence at which the title's part is full. */
  titleFull: number;
  /** Weights of the three parts of a document's score (noisy-OR). */
  documentTitle: number;
  documentShare: number;
  documentLinks: number;
  /** The share of text on a topic at which the share part is full. */
  shareFull: number;
  documentMin: number;
  maxTopics: number;
  /** Weights of a plan node's parts. */
  nodeTitle: number;
  nodeShare: number;
  nodeContext: number;
  /** A section is on the topics its subsections are on (a subsection dedicated to a topic is substantial). */
  nodeChildren: number;
  nodeMin: number;
  /** At most this many topics on a node with sections or subsections below it. */
  maxNodeTopics: number;
}

export const DEFAULT_TOPIC_OPTIONS: TopicOptions = {
  idfFull: 8,
  idfFloor: 0.15,
  synonymWeight: 0.6,
  passageMin: 0.9,
  passageFull: 2.5,
  headingBoost: 1.5,
  titleFull: 0.8,
  documentTitle: 0.75,
  documentShare: 0.7,
  documentLinks: 0.45,
  shareFull: 0.25,
  documentMin: 0.45,
  maxTopics: 4,
  nodeTitle: 0.75,
  nodeShare: 0.7,
  nodeContext: 0.35,
  nodeChildren: 0.6,
  nodeMin: 0.4,
  maxNodeTopics: 6,
};

const round = (x: number) => Math.round(x * 1000) / 1000;
const noisyOr = (...parts: number[]) => 1 - parts.reduce((p, x) => p * (1 - Math.max(0, Math.min(1, x))), 1);

/** Evidence per topic in a passage: rarity-weighted, sub-linear in repetition. */
interface Evidence {
  /** topic → evidence */
  score: Map<string, number>;
  /** topic → term → contribution */
  terms: Map<string, Map<string, number>>;
}

export interface TopicModel {
  topics: readonly Topic[];
  options: TopicOptions;
  patterns: TermPattern[];
  weightOf(hit: TermHit): number;
}

/** Term weights from how many passages of the corpus hold each form. */
export function buildTopicModel(
  topics: readonly Topic[],
  passages: readonly (string | PreparedText)[],
  options: TopicOptions = DEFAULT_TOPIC_OPTIONS,
): TopicModel {
  const patterns = termPatterns(topics);
  const df = new Map<string, number>();
  for (const text of passages) {
    const prepared = typeof text === "string" ? prepareText(text) : text;
    for (const hit of findTerms(prepared, patterns)) df.set(hit.pattern.form, (df.get(hit.pattern.form) ?? 0) + 1);
  }
  const n = Math.max(passages.length, options.idfFull + 1);
  const top = Math.log(n / options.idfFull);
  const idf = (form: string) => {
    const d = Math.max(1, df.get(form) ?? 1);
    if (d <= options.idfFull) return 1;
    return Math.max(options.idfFloor, Math.log(n / d) / top);
  };
  return {
    topics,
    options,
    patterns,
    weightOf: (hit) =>
      idf(hit.pattern.form) * (hit.pattern.synonym ? options.synonymWeight : 1) * (1 + Math.log(hit.count)),
  };
}

function evidenceOf(model: TopicModel, text: PreparedText, boost = 1): Evidence {
  const score = new Map<string, number>();
  const terms = new Map<string, Map<string, number>>();
  for (const hit of findTerms(text, model.patterns)) {
    const w = model.weightOf(hit) * boost;
    const t = hit.pattern.topic;
    score.set(t, (score.get(t) ?? 0) + w);
    const byTerm = terms.get(t) ?? new Map<string, number>();
    byTerm.set(hit.pattern.term, (byTerm.get(hit.pattern.term) ?? 0) + w);
    terms.set(t, byTerm);
  }
  return { score, terms };
}

const topTerms = (m: Map<string, number> | undefined, k = 5) =>
  m
    ? [...m]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, k)
        .map(([t]) => t)
    : [];

/** Topics of each passage: evidence, and the 0–1 score of those on a topic. */
function passageTopics(model: TopicModel, paragraphs: readonly TopicParagraph[], prepared: readonly PreparedText[]) {
  const o = model.options;
  return paragraphs.map((p, i) => {
    const evidence = evidenceOf(model, prepared[i]!, p.headingLevel !== null ? o.headingBoost : 1);
    const topics: TopicScore[] = [];
    for (const [topic, s] of evidence.score) {
      if (s < o.passageMin) continue;
      topics.push({
        topic,
        score: round(Math.min(1, s / o.passageFull)),
        terms: topTerms(evidence.terms.get(topic)),
        bestParagraphId: p.id,
      });
    }
    topics.sort((a, b) => b.score - a.score || a.topic.localeCompare(b.topic));
    return { paragraph: p, evidence, topics };
  });
}

type PassageResult = ReturnType<typeof passageTopics>[number];

/** Share of the (weighted) text on each topic, and the best passage for it. */
function shares(passages: readonly PassageResult[], weights: readonly number[]) {
  const mass = new Map<string, number>();
  const best = new Map<string, { id: string; value: number }>();
  let total = 0;
  passages.forEach((p, i) => {
    const size = weights[i]! * Math.max(10, [...p.paragraph.text].length);
    total += size;
    for (const t of p.topics) {
      mass.set(t.topic, (mass.get(t.topic) ?? 0) + size * t.score);
      const value = weights[i]! * t.score * (p.paragraph.headingLevel === null ? 1 : 0.8);
      const b = best.get(t.topic);
      if (!b || value > b.value) best.set(t.topic, { id: p.paragraph.id, value });
    }
  });
  const share = new Map([...mass].map(([t, m]) => [t, total ? m / total : 0]));
  return { share, best };
}

function titleParts(model: TopicModel, title: string): Evidence {
  return evidenceOf(model, prepareText(title));
}

function mergeTerms(...maps: (Map<string, number> | undefined)[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of maps) for (const [k, v] of m ?? []) out.set(k, (out.get(k) ?? 0) + v);
  return out;
}

/** A subject's score on a topic, with its most telling terms (title and passages) and its best passage. */
function topicScore(
  slug: string,
  score: number,
  titleTerms: Map<string, number> | undefined,
  results: PassageResult[],
  best: Map<string, { id: string }>,
): TopicScore {
  const bodyTerms = new Map<string, number>();
  for (const r of results)
    for (const [k, v] of r.evidence.terms.get(slug) ?? []) bodyTerms.set(k, (bodyTerms.get(k) ?? 0) + v);
  return {
    topic: slug,
    score: round(score),
    terms: topTerms(mergeTerms(titleTerms, bodyTerms)),
    bestParagraphId: best.get(slug)?.id ?? null,
  };
}

/** A plan node's text: its own paragraphs and those of every node below it. */
function nodeParagraphs(node: TopicPlanNode, all: readonly TopicPlanNode[]): TopicParagraph[] {
  return all.filter((n) => n.path === node.path || n.path.startsWith(`${node.path}.`)).flatMap((n) => n.paragraphs);
}

export function assignTopics(
  topics: readonly Topic[],
  documents: readonly TopicDocument[],
  nodes: readonly TopicPlanNode[],
  links: readonly TopicPlanLink[],
  options: Partial<TopicOptions> = {},
): TopicAssignmentResult {
  const o = { ...DEFAULT_TOPIC_OPTIONS, ...options };
  const allParagraphs = [...documents.flatMap((d) => d.paragraphs), ...nodes.flatMap((n) => n.paragraphs)];
  // Segmenting is most of the cost: each passage is prepared once, for the weights and the evidence.
  const prepared = allParagraphs.map((p) => prepareText(p.text));
  const model = buildTopicModel(topics, prepared, o);
  const passages = new Map<string, TopicScore[]>();
  const passageResults = new Map<string, PassageResult>();
  for (const r of passageTopics(model, allParagraphs, prepared)) {
    passageResults.set(r.paragraph.id, r);
    if (r.topics.length) passages.set(r.paragraph.id, r.topics);
  }
  const select = (scored: TopicScore[], min: number, max = o.maxTopics) =>
    scored
      .filter((s) => s.score >= min)
      .sort((a, b) => b.score - a.score || a.topic.localeCompare(b.topic))
      .slice(0, max);

  // Plan nodes first: documents use the topics of the nodes they are linked to. Deepest first, so
  // a section reads its subsections' own evidence (title and text, not the context they get from it).
  const byPath = new Map(nodes.map((n) => [n.path, n]));
  const depth = (p: string) => p.split(".").length;
  const intrinsic = new Map<string, Map<string, number>>();
  const planNodes = new Map<string, TopicScore[]>();
  for (const node of [...nodes].sort((a, b) => depth(b.path) - depth(a.path))) {
    const own = nodeParagraphs(node, nodes);
    const results = own.map((p) => passageResults.get(p.id)!);
    const { share, best } = shares(
      results,
      own.map(() => 1),
    );
    const maxShare = Math.max(0, ...share.values());
    const title = titleParts(model, node.label);
    const ancestors: string[] = [];
    for (let p = node.path; p.includes(".");) {
      p = p.slice(0, p.lastIndexOf("."));
      const a = byPath.get(p);
      if (a) ancestors.push(a.label);
    }
    const context = titleParts(model, ancestors.join("\n"));
    const children = nodes.filter((c) => c.path.startsWith(`${node.path}.`) && depth(c.path) === depth(node.path) + 1);
    const mine = new Map<string, number>();
    const scored: TopicScore[] = topics.map((t) => {
      const s = share.get(t.slug) ?? 0;
      const shareStrength = maxShare ? (s / maxShare) * Math.min(1, s / o.shareFull) : 0;
      const childBest = Math.max(0, ...children.map((c) => intrinsic.get(c.path)?.get(t.slug) ?? 0));
      const titlePart = o.nodeTitle * Math.min(1, (title.score.get(t.slug) ?? 0) / o.titleFull);
      const own = noisyOr(titlePart, o.nodeShare * shareStrength, o.nodeChildren * childBest);
      // What a parent reads of this node: its title, and its text only when the node is all about the topic.
      mine.set(
        t.slug,
        noisyOr(titlePart, s === maxShare && s >= o.shareFull ? o.nodeShare : 0, o.nodeChildren * childBest),
      );
      const score = noisyOr(own, o.nodeContext * Math.min(1, (context.score.get(t.slug) ?? 0) / o.titleFull));
      return topicScore(t.slug, score, title.terms.get(t.slug), results, best);
    });
    intrinsic.set(node.path, mine);
    const kept = select(scored, o.nodeMin, children.length ? o.maxNodeTopics : o.maxTopics);
    if (kept.length) planNodes.set(node.path, kept);
  }

  const linksByDocument = new Map<string, TopicPlanLink[]>();
  for (const l of links) linksByDocument.set(l.documentId, [...(linksByDocument.get(l.documentId) ?? []), l]);

  const documentsOut = new Map<string, TopicScore[]>();
  for (const d of documents) {
    const results = d.paragraphs.map((p) => passageResults.get(p.id)!);
    const { share, best } = shares(results, paragraphWeights(d.paragraphs));
    const maxShare = Math.max(0, ...share.values());
    const title = titleParts(model, d.title);
    const docLinks = linksByDocument.get(d.id) ?? [];
    const linkMass = docLinks.reduce((a, l) => a + l.score, 0);
    const scored: TopicScore[] = topics.map((t) => {
      const s = share.get(t.slug) ?? 0;
      const shareStrength = maxShare ? (s / maxShare) * Math.min(1, s / o.shareFull) : 0;
      const linked = linkMass
        ? docLinks.reduce((a, l) => {
            const nodeTopic = planNodes.get(l.planPath)?.find((x) => x.topic === t.slug);
            return a + l.score * (nodeTopic?.score ?? 0);
          }, 0) / linkMass
        : 0;
      const score = noisyOr(
        o.documentTitle * Math.min(1, (title.score.get(t.slug) ?? 0) / o.titleFull),
        o.documentShare * shareStrength,
        // Links confirm what the text says; alone (no word of the topic in the document) they are weak.
        o.documentLinks * linked * (s > 0 || title.score.has(t.slug) ? 1 : 0.5),
      );
      return topicScore(t.slug, score, title.terms.get(t.slug), results, best);
    });
    const kept = select(scored, o.documentMin);
    if (kept.length) documentsOut.set(d.id, kept);
  }

  return { method: TOPIC_METHOD, version: TOPIC_VERSION, documents: documentsOut, planNodes, passages };
}
