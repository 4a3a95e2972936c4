/**
 * What readers see: the machine's topics of a document with editors' decisions applied. An editor's
 * "added" puts a topic on whatever the machine says, "removed" takes it off, "automatic" (or no
 * decision, or an orphaned one whose document is gone) leaves the machine's word. Pure.
 */
export interface MachineTopic {
  documentId: string;
  topicSlug: string;
  score: number;
}

export interface TopicDecisionView {
  documentId: string;
  topicSlug: string;
  status: "added" | "removed" | "automatic";
  orphaned: boolean;
}

export interface EffectiveTopic {
  slug: string;
  score: number;
  origin: "machine" | "editor";
}

/** By document id, best first; an editor's topic scores 1 (decided) unless the machine scored it too. */
export function effectiveTopics(
  machine: readonly MachineTopic[],
  decisions: readonly TopicDecisionView[],
  known: ReadonlySet<string>,
): Map<string, EffectiveTopic[]> {
  const out = new Map<string, Map<string, EffectiveTopic>>();
  const of = (id: string) => out.get(id) ?? out.set(id, new Map()).get(id)!;
  for (const m of machine) {
    if (known.has(m.topicSlug))
      of(m.documentId).set(m.topicSlug, { slug: m.topicSlug, score: m.score, origin: "machine" });
  }
  for (const d of decisions) {
    if (d.orphaned || !known.has(d.topicSlug)) continue;
    const topics = of(d.documentId);
    if (d.status === "removed") topics.delete(d.topicSlug);
    else if (d.status === "added") {
      topics.set(d.topicSlug, { slug: d.topicSlug, score: topics.get(d.topicSlug)?.score ?? 1, origin: "editor" });
    }
  }
  return new Map(
    [...out]
      .filter(([, m]) => m.size)
      .map(([id, m]) => [id, [...m.values()].sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug))]),
  );
}
