/**
 * The security headers of every response, as data. proxy.ts sets them on everything it sees (pages
 * with a per-request nonce, the API, public files, errors); next.config.js sets the static ones on
 * the build's own assets, which the proxy does not see. Pure: no env, no request.
 */

export interface SecurityOptions {
  /** The public address is https (PUBLIC_URL): HSTS, and insecure sub-requests upgraded. */
  https: boolean;
  /** `next dev`: React rebuilds server error stacks with eval in development only. */
  dev?: boolean;
}

/** A fresh nonce for one response: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

const join = (directives: (string | false)[]) => directives.filter(Boolean).join("; ");

/**
 * The policy of an HTML page. Scripts run only with this response's nonce (Next puts it on its own
 * inline and bundle scripts, reading it from the request's CSP header); what they load is trusted
 * through 'strict-dynamic'. Style elements need the nonce too; style *attributes* are allowed
 * ('unsafe-inline' for attributes only): React writes `style` props into the server HTML and the
 * coverage heatmap is ECharts' SVG, which styles its text with attributes. An attribute cannot run
 * script, and no document text or user input is ever rendered as markup.
 */
export function pagePolicy(nonce: string, { https, dev = false }: SecurityOptions): string {
  return join([
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    `style-src-elem 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    https && "upgrade-insecure-requests",
  ]);
}

/** The policy of everything that is not a page (JSON, CSV, XML, images, scripts): it may load nothing. */
export const RESOURCE_POLICY = join(["default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'"]);

/** Features the app never uses, refused for it and anything it could embed. */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "encrypted-media=()",
  "fullscreen=()",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
  "browsing-topics=()",
].join(", ");

/** One year; preload-list eligible values are left to the operator (no `preload`). */
const HSTS = "max-age=31536000; includeSubDomains";

/** The headers every response carries, whatever it is. */
export function baseSecurityHeaders({ https }: SecurityOptions): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
    "permissions-policy": PERMISSIONS_POLICY,
    "cross-origin-opener-policy": "same-origin",
    ...(https ? { "strict-transport-security": HSTS } : {}),
  };
}

/** Headers of an HTML page answered with this nonce. */
export function pageSecurityHeaders(nonce: string, options: SecurityOptions): Record<string, string> {
  return { ...baseSecurityHeaders(options), "content-security-policy": pagePolicy(nonce, options) };
}

/** Headers of a response that is not a page. */
export function resourceSecurityHeaders(options: SecurityOptions): Record<string, string> {
  return { ...baseSecurityHeaders(options), "content-security-policy": RESOURCE_POLICY };
}
