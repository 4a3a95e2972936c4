/**
 * The page every reading route answers with (status 503) while the database cannot be reached.
 * Plain HTML from the proxy, not a React page: it must not need the database, the build's assets or
 * a script. Styled with attributes only, which the page CSP allows (lib/security/headers.ts).
 */
export const DATABASE_UNAVAILABLE_TITLE = "暂时无法连接数据库";

export function databaseUnavailablePage(retryAfterSeconds: number): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${DATABASE_UNAVAILABLE_TITLE} · 政策对照</title>
</head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.7; color: #1c1917">
<main role="alert">
<h1 style="font-size: 1.5rem">${DATABASE_UNAVAILABLE_TITLE}</h1>
<p>政策对照的数据库暂时无法访问，可能正在重启或维护。页面内容没有丢失，请约 ${retryAfterSeconds} 秒后刷新重试。</p>
<p><a href="/" style="color: #9a3412">返回首页</a></p>
</main>
</body>
</html>
`;
}
