import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TopicPage } from "@/components/topics/topic-page";
import { getTopic } from "@/lib/data/topics";
import { topicFeedUrl } from "@/lib/urls";

interface Props {
  params: Promise<{ slug: string }>;
}

async function load(props: Props) {
  const topic = await getTopic(decodeURIComponent((await props.params).slug));
  if (!topic) notFound();
  return topic;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const topic = await load(props);
  return {
    title: topic.name,
    description: topic.description,
    alternates: { types: { "application/atom+xml": [{ url: topicFeedUrl(topic.slug), title: topic.name }] } },
  };
}

export default async function Topic(props: Props) {
  return <TopicPage topic={await load(props)} />;
}
