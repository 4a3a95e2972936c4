import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { SiteFooter } from "@/components/layout/site-footer";
// Self-hosted CJK fonts (one variable file per unicode-range slice: a page loads only the slices its text uses).
import "@fontsource-variable/noto-sans-sc";
import "@fontsource-variable/noto-serif-sc";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "政策对照 · Policy Proposal Explorer", template: "%s · 政策对照" },
  description: "北京政协发言、委员建议、大兴区“十四五”规划与人大调研报告的检索与对照。",
  icons: { icon: { url: "/icon.svg", type: "image/svg+xml" } },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafaf9" },
    { media: "(prefers-color-scheme: dark)", color: "#0c0a09" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN" className="dark:[color-scheme:dark]">
      <head>
        {/* Next's metadata has no rel="search"; a browser finds the site's search here. */}
        <link rel="search" type="application/opensearchdescription+xml" title="政策对照" href="/opensearch.xml" />
      </head>
      <body className="flex min-h-screen flex-col dark:bg-stone-950">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          跳到正文
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
