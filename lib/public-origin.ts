import { env } from "./env";

/** A Host header that is a host name or an IP literal, with an optional port: nothing else goes into a link. */
const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The origin of the absolute links the app hands out (CSV exports, the OpenSearch description):
 * PUBLIC_URL when set; else the host the request was sent to (X-Forwarded-Host from a proxy, else
 * Host) with the request's scheme. Next's own request URL says localhost:PORT whatever the host.
 */
export function publicOrigin(request: Request, publicUrl: string | undefined = env.PUBLIC_URL): string {
  if (publicUrl) return publicUrl;
  const url = new URL(request.url);
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwarded || request.headers.get("host");
  return host && HOST.test(host) ? `${url.protocol}//${host.toLowerCase()}` : url.origin;
}
