import { DocumentPage, documentMetadata, loadDocumentOfKind } from "@/components/documents/document-page";
import type { SearchParamsInput } from "@/lib/data/params";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: SearchParamsInput;
}

export async function generateMetadata({ params }: Props) {
  return documentMetadata("speech", (await params).id);
}

export default async function Page({ params, searchParams }: Props) {
  return <DocumentPage doc={await loadDocumentOfKind("speech", (await params).id)} searchParams={searchParams} />;
}
