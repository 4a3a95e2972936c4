/**
 * The OpenSearch 1.1 description, so a browser can add the site's search to its address bar.
 * Served from a route, not from public/: the spec's URL template grammar requires a scheme and a
 * host (Firefox refuses a relative template): PUBLIC_URL, else the host the request was sent to.
 */
import { publicOrigin } from "@/lib/public-origin";

const xmlEscape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function GET(request: Request) {
  const origin = xmlEscape(publicOrigin(request));
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
  <ShortName>政策对照</ShortName>
  <Description>检索北京政协大会发言、委员建议、大兴区“十四五”规划纲要与市人大专题调研报告</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <Language>zh-CN</Language>
  <Image width="32" height="32" type="image/svg+xml">${origin}/icon.svg</Image>
  <Url type="text/html" template="${origin}/search?q={searchTerms}"/>
  <Url type="application/opensearchdescription+xml" rel="self" template="${origin}/opensearch.xml"/>
</OpenSearchDescription>
`;
  return new Response(body, {
    headers: {
      "content-type": "application/opensearchdescription+xml; charset=utf-8",
      "cache-control": "public, max-age=86400",
    },
  });
}
