import { describeMatch } from "@/components/search/match-label";
import { apiJson, parseSearchParams, withApiErrors } from "@/lib/api/http";
import { toApiSearchResult } from "@/lib/api/present";
import { toApiSearchHit, toExportSearchHit } from "@/lib/api/present-search";
import { searchQuery } from "@/lib/api/schemas";
import { searchCorpus } from "@/lib/data/search";
import { publicOrigin } from "@/lib/public-origin";
import { hitsToCsv } from "@/lib/search/export";

/** Exports hold every hit, up to this many documents and plan nodes. */
const EXPORT_LIMIT = 2000;

export const GET = withApiErrors(async (request: Request) => {
  const parsed = parseSearchParams(searchQuery, request.url);
  if (!parsed.ok) return parsed.response;
  const { q, kind, source, person, year, topic, sort, page, pageSize, format } = parsed.data;
  const filters = { kind, source, person, year, topic };
  if (format) {
    const all = await searchCorpus({ q, filters, sort, page: 1, pageSize: EXPORT_LIMIT, withFacets: false });
    const stamp = new Date().toISOString().slice(0, 10);
    if (format === "csv") {
      return new Response(hitsToCsv(all.hits, publicOrigin(request), describeMatch), {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="search-${stamp}.csv"`,
        },
      });
    }
    const body = { query: q, filters, total: all.total, complete: all.complete, hits: all.hits.map(toExportSearchHit) };
    return new Response(JSON.stringify(body, null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="search-${stamp}.json"`,
      },
    });
  }
  const result = await searchCorpus({ q, filters, sort, page, pageSize });
  return apiJson(
    toApiSearchResult({
      total: result.total,
      complete: result.complete,
      hits: result.hits.map(toApiSearchHit),
      facets: result.facets,
      related: result.related,
    }),
  );
});
