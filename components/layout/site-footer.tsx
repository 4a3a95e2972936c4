import { EditorLoginLink } from "@/components/curation/editor-links";

export function SiteFooter() {
  return (
    <footer className="border-t border-stone-200 py-6 text-center text-sm text-stone-500 dark:border-stone-800 dark:text-stone-400">
      <p>资料来源：政协北京市大兴区委员会、北京市人大常委会、北京市大兴区人民政府及公开报道。原文以出处为准。</p>
      <EditorLoginLink />
    </footer>
  );
}
