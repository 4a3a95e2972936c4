import type { Metadata } from "next";
import { connection } from "next/server";
import { TopicsPage } from "@/components/topics/topics-page";
import { listTopics } from "@/lib/data/topics";

export const metadata: Metadata = { title: "主题" };

export default async function Topics() {
  await connection(); // rendered per request: topics change with every ingest, link run and editor's decision
  return <TopicsPage topics={await listTopics()} />;
}
