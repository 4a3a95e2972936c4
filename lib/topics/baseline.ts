/**
 * The baseline the assignment is measured against (npm run eval:topics): a document or plan node
 * is on every topic one of whose defining terms occurs anywhere in its title or text (normalised
 * substring match) — no rarity, share, structure or links.
 */
import { normalizeText } from "../search/normalize";
import type { Topic } from "./taxonomy";

export function keywordTopics(topics: readonly Topic[], text: string): string[] {
  const norm = normalizeText(text);
  return topics.filter((t) => t.terms.some((term) => norm.includes(normalizeText(term)))).map((t) => t.slug);
}
