/**
 * The Atom feed of a topic's documents, newest first, so a reader can follow a theme. Absolute
 * URLs from PUBLIC_URL, else the host the request was sent to.
 */
import { apiError } from "@/lib/api/http";
import { getTopic } from "@/lib/data/topics";
import { publicOrigin } from "@/lib/public-origin";
import { atomFeed } from "@/lib/topics/atom";
import { topicFeedUrl, topicUrl } from "@/lib/urls";

export async function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  const topic = await getTopic((await context.params).slug);
  if (!topic) return apiError(404, "not_found", "No such topic.");
  const origin = publicOrigin(request);
  const documents = [...topic.documents].sort(
    (a, b) => (b.date ?? "").localeCompare(a.date ?? "") || a.id.localeCompare(b.id),
  );
  const body = atomFeed({
    id: `${origin}${topicUrl(topic.slug)}`,
    title: `政策对照 · 主题：${topic.name}`,
    subtitle: topic.description,
    selfUrl: `${origin}${topicFeedUrl(topic.slug)}`,
    pageUrl: `${origin}${topicUrl(topic.slug)}`,
    entries: documents.map((d) => ({
      id: `${origin}${d.url}`,
      title: d.title,
      url: `${origin}${d.url}`,
      date: d.date,
      authors: d.speakers.map((s) => s.name),
      summary: d.passage?.text.slice(0, 300) ?? d.sourceTitle,
    })),
  });
  return new Response(body, {
    headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "public, max-age=300" },
  });
}
