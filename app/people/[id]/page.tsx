import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { listPlanChaptersForPerson } from "@/lib/data/coverage";
import { idFromSegment } from "@/lib/data/params";
import { getPerson } from "@/lib/data/people";
import { formatDateZh, KIND_LABEL, planNodeUrl } from "@/lib/urls";

interface Props {
  params: Promise<{ id: string }>;
}

async function load(props: Props) {
  const id = idFromSegment((await props.params).id);
  const person = id ? await getPerson(id) : null;
  if (!person) notFound();
  return person;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: (await load(props)).name };
}

export default async function PersonPage(props: Props) {
  const person = await load(props);
  const chapters = await listPlanChaptersForPerson(person.id);
  const roles = [
    ...new Set(person.documents.map((d) => [d.role, d.affiliation].filter(Boolean).join("，")).filter(Boolean)),
  ];
  return (
    <div>
      <PageHeader title={person.name}>
        {roles.map((r) => (
          <p key={r} className="text-stone-600 dark:text-stone-300">
            {r}
          </p>
        ))}
      </PageHeader>
      <section aria-labelledby="docs-heading">
        <h2 id="docs-heading" className="mb-3 text-lg font-semibold">
          发言与文章（{person.documents.length}）
        </h2>
        <ul className="divide-y divide-stone-200 dark:divide-stone-800">
          {person.documents.map((d) => (
            <li key={d.id} className="py-3">
              <Link href={d.url} className="font-medium">
                {d.title}
              </Link>
              <p className="text-sm text-stone-600 dark:text-stone-400">
                {KIND_LABEL[d.kind]} · {d.source} · {formatDateZh(d.date)}
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="chapters-heading" className="mt-10">
        <h2 id="chapters-heading" className="mb-3 text-lg font-semibold">
          涉及的规划章节
        </h2>
        {chapters.length ? (
          <ul className="space-y-1">
            {chapters.map((c) => (
              <li key={c.path}>
                <Link href={planNodeUrl(c.path)}>{c.label}</Link>
                <span className="ml-2 text-sm text-stone-600 dark:text-stone-400">{c.documents} 篇</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-stone-600 dark:text-stone-400">
            {person.name}的发言与文章没有对应到大兴区“十四五”规划纲要的章节。
          </p>
        )}
      </section>
    </div>
  );
}
