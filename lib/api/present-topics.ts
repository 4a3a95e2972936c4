/** Topic data shaped into the API contract; each presenter returns the type of its schema. */
import type { z } from "zod";
import type { getDocumentTopics, TopicDetail, TopicSummary } from "../data/topics";
import type { TopicEventView } from "../data/topics-curation";
import { topicFeedUrl, topicUrl } from "../urls";
import type { documentTopicsSchema, topicDetailSchema, topicListSchema, topicSummarySchema } from "./topic-schemas";

export function toApiTopicSummary(t: TopicSummary): z.infer<typeof topicSummarySchema> {
  return {
    slug: t.slug,
    name: t.name,
    description: t.description,
    parent: t.parent,
    url: topicUrl(t.slug),
    counts: { ...t.counts },
    attention: { ...t.attention },
  };
}

export function toApiTopicList(items: readonly TopicSummary[]): z.infer<typeof topicListSchema> {
  return { items: items.map(toApiTopicSummary) };
}

export function toApiTopicDetail(t: TopicDetail): z.infer<typeof topicDetailSchema> {
  return {
    ...toApiTopicSummary(t),
    feedUrl: topicFeedUrl(t.slug),
    planNodes: t.planNodes.map((n) => ({
      path: n.path,
      kind: n.kind,
      label: n.label,
      url: n.url,
      score: n.score,
      terms: n.terms,
      passage: n.passage,
      targets: n.targets,
    })),
    documents: t.documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      url: d.url,
      date: d.date,
      score: d.score,
      origin: d.origin,
      terms: d.terms,
      passage: d.passage,
      speakers: d.speakers,
    })),
    people: t.people,
  };
}

export function toApiDocumentTopics(
  view: Awaited<ReturnType<typeof getDocumentTopics>>,
  history: readonly TopicEventView[],
): z.infer<typeof documentTopicsSchema> {
  return {
    items: view.topics.map((t) => ({
      slug: t.slug,
      name: t.name,
      score: t.score,
      origin: t.origin,
      terms: t.terms,
      paragraphN: t.passage?.n ?? null,
    })),
    passages: [...view.passages].map(([paragraphId, topics]) => ({ paragraphId, topics: topics.map((t) => t.slug) })),
    history: history.map((e) => ({ ...e })),
  };
}
