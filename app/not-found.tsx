import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">未找到该页面</h1>
      <p className="text-stone-600 dark:text-stone-300">您要找的内容不存在或已被移除。</p>
      <Link href="/">返回首页</Link>
    </div>
  );
}
