import Link from "next/link";
import { currentEditor } from "@/lib/auth/editor";
import { loginUrl } from "@/lib/auth/next-path";
import { EDITOR_PATH } from "./urls";

/** In the header's navigation, for a signed-in editor only. */
export async function EditorWorkbenchLink() {
  if (!(await currentEditor())) return null;
  return (
    <Link href={EDITOR_PATH} className="font-medium text-red-800 dark:text-red-300">
      编辑工作台
    </Link>
  );
}

/** In the footer, for readers only: discreet, since only a handful of staff have accounts. */
export async function EditorLoginLink() {
  if (await currentEditor()) return null;
  return (
    <p className="mt-2">
      <Link href={loginUrl(EDITOR_PATH)} className="text-stone-600 dark:text-stone-400">
        编辑登录
      </Link>
    </p>
  );
}
