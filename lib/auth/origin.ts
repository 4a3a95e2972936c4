/**
 * Is a write request from the app's own pages? Cookies are SameSite=Lax, which still sends them
 * with requests from sibling subdomains and with top-level form posts, so every editorial write
 * also checks where it comes from.
 */

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

/**
 * `publicUrl` (PUBLIC_URL) is the only accepted origin when set; else the Origin's host must be
 * the request's own (X-Forwarded-Host when a proxy set it, else Host, else the request URL's), as
 * Next checks Server Actions. Without Origin, a browser's Sec-Fetch-Site must say same-origin (or none: typed by the
 * user); a client that sends neither is not a browser and has no ambient cookie to abuse.
 */
export function checkSameOrigin(headers: Headers, publicUrl?: string, requestUrl?: string): OriginVerdict {
  const origin = headers.get("origin");
  if (origin !== null) {
    if (origin === "null") return { ok: false, reason: "The request has an opaque origin (Origin: null)." };
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      return { ok: false, reason: "The request's Origin header is not a URL." };
    }
    if (publicUrl) {
      return parsed.origin === new URL(publicUrl).origin
        ? { ok: true }
        : { ok: false, reason: `Requests must come from ${new URL(publicUrl).origin}, not ${parsed.origin}.` };
    }
    const host = requestHost(headers) ?? (requestUrl ? new URL(requestUrl).host : null);
    if (!host) return { ok: false, reason: "The request has no Host header to compare its Origin with." };
    return parsed.host.toLowerCase() === host.toLowerCase()
      ? { ok: true }
      : { ok: false, reason: `Requests must come from this site (${host}), not ${parsed.origin}.` };
  }
  const site = headers.get("sec-fetch-site");
  if (site === null || site === "same-origin" || site === "none") return { ok: true };
  return { ok: false, reason: `The request comes from another site (Sec-Fetch-Site: ${site}).` };
}

function requestHost(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || headers.get("host") || null;
}
