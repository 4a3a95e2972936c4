import Link from "next/link";

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  /** Builds the link for a page, keeping the other query parameters. */
  href: (page: number) => string;
}

export function Pagination({ page, pageSize, total, href }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label="分页" className="mt-8 flex items-center justify-between gap-4 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          ← 上一页
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
      <span className="text-stone-600 dark:text-stone-400">
        第 {page} / {pages} 页，共 {total} 条
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next">
          下一页 →
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}
