import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LinkRecord } from "@/components/links/link-record";
import { currentEditor } from "@/lib/auth/editor";
import { listLinkEvents } from "@/lib/data/curation";
import { getLink } from "@/lib/data/links";
import { idFromSegment } from "@/lib/data/params";
import { getDb } from "@/lib/db";

interface Props {
  params: Promise<{ id: string }>;
}

async function load(props: Props) {
  const id = idFromSegment((await props.params).id);
  const link = id ? await getLink(id) : null;
  if (!link) notFound();
  return link;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const link = await load(props);
  return { title: `关联记录：${link.document.title} → ${link.planNodeLabel}` };
}

/** /links/[id]: a link's public record and history; editors act on it here too. */
export default async function LinkPage(props: Props) {
  const link = await load(props);
  const [history, editor] = await Promise.all([listLinkEvents(getDb(), link.id), currentEditor()]);
  return <LinkRecord link={link} history={history} canEdit={editor !== null} />;
}
