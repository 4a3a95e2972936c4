/**
 * ECharts' server-rendered SVG, fit for the pages' Content-Security-Policy. ECharts appends a
 * <style> element of :hover rules (a lighter fill, a pointer cursor), which the CSP refuses without
 * the page's nonce — and a nonce could not follow a client-side navigation anyway (the new page's
 * payload would carry a nonce the document's policy does not know). The charts are static
 * pictures with no script, so those rules only promised an interaction that is not there: they
 * are dropped. Style attributes stay (the CSP allows attributes).
 */
export function chartSvgForCsp(svg: string): string {
  return svg.replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, "");
}
