import type { Metadata } from "next";
import { DocumentPage, loadDocumentOfKind } from "@/components/documents/document-page";
import type { SearchParamsInput } from "@/lib/data/params";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: SearchParamsInput;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const doc = await loadDocumentOfKind("report", (await params).id);
  return { title: doc.title, description: doc.paragraphs.find((p) => p.headingLevel === null && p.text.length > 30)?.text.slice(0, 120) };
}

export default async function Page({ params, searchParams }: Props) {
  const doc = await loadDocumentOfKind("report", (await params).id);
  return <DocumentPage doc={doc} searchParams={searchParams} />;
}
