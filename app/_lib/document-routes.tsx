/**
 * The three document kinds share their routes: /speeches, /proposals, /reports list a kind, and
 * /speeches/[id] (…) read one document of it. Each route module names its kind and re-exports
 * what these build; the components under components/documents only render what they are given.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DocumentListPage } from "@/components/documents/document-list-page";
import { DocumentPage } from "@/components/documents/document-page";
import { getDocument, getSourceLines, listDocuments, listSources } from "@/lib/data/documents";
import { listPeople } from "@/lib/data/people";
import { documentPageParams, flatSearchParams, listPageParams, type SearchParamsInput } from "@/lib/data/params";
import { KIND_LABEL, type DocumentKind } from "@/lib/kinds";

const PAGE_SIZE = 20;

/** The list page of a kind (/speeches, /proposals, /reports). */
export function documentListRoute(kind: DocumentKind) {
  return {
    metadata: { title: KIND_LABEL[kind] } satisfies Metadata,
    Page: async ({ searchParams }: { searchParams: SearchParamsInput }) => {
      const params = listPageParams.parse(await flatSearchParams(searchParams));
      const [result, sources, people] = await Promise.all([
        listDocuments({ kind, source: params.source, person: params.person, page: params.page, pageSize: PAGE_SIZE }),
        listSources(),
        listPeople(),
      ]);
      return <DocumentListPage kind={kind} params={params} result={result} sources={sources} people={people} />;
    },
  };
}

async function loadDocumentOfKind(kind: DocumentKind, id: string) {
  const doc = await getDocument(decodeURIComponent(id));
  if (!doc || doc.kind !== kind) notFound();
  return doc;
}

/** Page metadata of a document: its title, and its first real paragraph as the description. */
async function documentMetadata(kind: DocumentKind, id: string): Promise<Metadata> {
  const doc = await loadDocumentOfKind(kind, id);
  return {
    title: doc.title,
    description: doc.paragraphs.find((p) => p.headingLevel === null && p.text.length > 30)?.text.slice(0, 120),
  };
}

interface DocumentRouteProps {
  params: Promise<{ id: string }>;
  searchParams: SearchParamsInput;
}

/** The page and metadata of a document route (/speeches/[id], /proposals/[id], /reports/[id]). */
export function documentRoute(kind: DocumentKind) {
  return {
    generateMetadata: async ({ params }: DocumentRouteProps) => documentMetadata(kind, (await params).id),
    Page: async ({ params, searchParams }: DocumentRouteProps) => {
      const doc = await loadDocumentOfKind(kind, (await params).id);
      const { view, hl } = documentPageParams.parse(await flatSearchParams(searchParams));
      const sourceLines =
        view === "source" ? await getSourceLines(doc.source.file, doc.source.lineStart, doc.source.lineEnd) : [];
      return <DocumentPage doc={doc} view={view} hl={hl} sourceLines={sourceLines} />;
    },
  };
}
