import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { PageHeader } from "@/components/ui/page-header";
import { currentEditor } from "@/lib/auth/editor";
import { safeNextPath } from "@/lib/auth/next-path";
import { flatSearchParams, type SearchParamsInput } from "@/lib/data/params";

export const metadata: Metadata = { title: "编辑登录", robots: { index: false, follow: false } };

/** /login?next=/editor: signs an editor in and goes back to `next` (a path on this site, else the home page). */
export default async function LoginPage({ searchParams }: { searchParams: SearchParamsInput }) {
  const next = safeNextPath((await flatSearchParams(searchParams)).next);
  if (await currentEditor()) redirect(next);
  return (
    <div className="mx-auto max-w-sm">
      <PageHeader title="编辑登录">
        <p className="text-stone-600 dark:text-stone-300">
          编辑可以确认、驳回或补充文档与规划之间的关联。编辑账户由管理员创建。
        </p>
      </PageHeader>
      <LoginForm next={next} />
    </div>
  );
}
