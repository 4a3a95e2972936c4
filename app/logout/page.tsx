import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { PageHeader } from "@/components/ui/page-header";
import { currentEditor } from "@/lib/auth/editor";

export const metadata: Metadata = { title: "退出登录", robots: { index: false, follow: false } };

export default async function LogoutPage() {
  const editor = await currentEditor();
  return (
    <div className="mx-auto max-w-sm">
      <PageHeader title="退出登录" />
      {editor ? (
        <div className="space-y-4">
          <p className="text-stone-700 dark:text-stone-300">
            您当前以编辑 <span className="font-medium">{editor.name}</span> 的身份登录。
          </p>
          <SignOutButton />
        </div>
      ) : (
        <p className="text-stone-700 dark:text-stone-300">
          您当前没有登录。<Link href="/">返回首页</Link>或<Link href="/login">以编辑身份登录</Link>。
        </p>
      )}
    </div>
  );
}
