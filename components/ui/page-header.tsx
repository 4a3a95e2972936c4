import type { ReactNode } from "react";

interface PageHeaderProps {
  title: string;
  eyebrow?: ReactNode;
  children?: ReactNode;
}

export function PageHeader({ title, eyebrow, children }: PageHeaderProps) {
  return (
    <header className="mb-8 space-y-2">
      {eyebrow ? <p className="text-sm text-stone-600 dark:text-stone-400">{eyebrow}</p> : null}
      <h1 className="text-2xl font-semibold leading-snug tracking-tight sm:text-3xl">{title}</h1>
      {children}
    </header>
  );
}
