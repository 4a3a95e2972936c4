/**
 * The three document kinds share their routes: /speeches, /proposals, /reports list a kind, and
 * /speeches/[id] (…) read one document of it. Each route module names its kind and re-exports
 * what these build; the components under components/documents only render what they are given.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DocumentListPage } from "@/components/documents/document-list-page";
import { DocumentPage } from "@/components/documents/document-page";
import {
  getDocument,
  getSourceLines,
  listDocuments,
  listSources,
  sourceAndPersonOptions,
  topicFilterCounts,
} from "@/lib/data/documents";
import { listPeople } from "@/lib/data/people";
import { getDocumentTopics, knownTopic, taxonomy } from "@/lib/data/topics";
import {
  documentPageParams,
  flatSearchParams,
  idFromSegment,
  listPageParams,
  type SearchParamsInput,
} from "@/lib/data/params";
import { KIND_LABEL, type DocumentKind } from "@/lib/kinds";

const PAGE_SIZE = 20;

/** The list page of a kind (/speeches, /proposals, /reports). */
export function documentListRoute(kind: DocumentKind) {
  return {
    metadata: { title: KIND_LABEL[kind] } satisfies Metadata,
    Page: async ({ searchParams }: { searchParams: SearchParamsInput }) => {
      const parsed = listPageParams.parse(await flatSearchParams(searchParams));
      // A topic the taxonomy does not have falls back to "all", as other bad values do on pages.
      const params = { ...parsed, topic: parsed.topic && knownTopic(parsed.topic) ? parsed.topic : undefined };
      const [result, sources, people, topicCounts, offered] = await Promise.all([
        listDocuments({ kind, ...params, pageSize: PAGE_SIZE }),
        listSources(),
        listPeople(),
        topicFilterCounts({ kind, source: params.source, person: params.person }),
        sourceAndPersonOptions({ kind, source: params.source, person: params.person, topic: params.topic }),
      ]);
      // Every filter offers only values that yield documents under the others (and keeps the one chosen).
      const offeredSources = new Set([...offered.sources, ...(params.source ? [params.source] : [])]);
      const offeredPeople = new Set([...offered.people, ...(params.person ? [params.person] : [])]);
      // Only topics that yield documents under the other filters are offered.
      const topics = taxonomy()
        .filter((t) => (topicCounts.get(t.slug) ?? 0) > 0 || t.slug === params.topic)
        .map((t) => ({ slug: t.slug, name: t.name, count: topicCounts.get(t.slug) ?? 0 }));
      return (
        <DocumentListPage
          kind={kind}
          params={params}
          result={result}
          sources={sources.filter((x) => offeredSources.has(x.id))}
          people={people.filter((x) => offeredPeople.has(x.id))}
          topics={topics}
        />
      );
    },
  };
}

async function loadDocumentOfKind(kind: DocumentKind, segment: string) {
  const id = idFromSegment(segment);
  const doc = id ? await getDocument(id) : null;
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
      const [sourceLines, topics] = await Promise.all([
        view === "source" ? getSourceLines(doc.source.file, doc.source.lineStart, doc.source.lineEnd) : [],
        getDocumentTopics(doc.id),
      ]);
      return <DocumentPage doc={doc} view={view} hl={hl} sourceLines={sourceLines} passageTopics={topics.passages} />;
    },
  };
}
