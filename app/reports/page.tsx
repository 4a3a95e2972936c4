import type { Metadata } from "next";
import { DocumentListPage } from "@/components/documents/document-list-page";
import type { SearchParamsInput } from "@/lib/data/params";
import { KIND_LABEL } from "@/lib/kinds";

export const metadata: Metadata = { title: KIND_LABEL.report };

export default function Page({ searchParams }: { searchParams: SearchParamsInput }) {
  return <DocumentListPage kind="report" searchParams={searchParams} />;
}
