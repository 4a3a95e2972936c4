import Link from "next/link";
import { currentEditor } from "@/lib/auth/editor";

/** In the header, for a signed-in editor only: who they are, and the way out. Readers see nothing. */
export async function EditorStatus() {
  const editor = await currentEditor();
  if (!editor) return null;
  return (
    <p className="text-sm text-stone-600 dark:text-stone-400">
      编辑 <span className="font-medium text-stone-900 dark:text-stone-100">{editor.name}</span>
      <span aria-hidden="true"> · </span>
      <Link href="/logout" className="text-stone-700 dark:text-stone-300">
        退出
      </Link>
    </p>
  );
}
