import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { getPerson } from "@/lib/data/people";
import { formatDateZh, KIND_LABEL } from "@/lib/urls";

interface Props {
  params: Promise<{ id: string }>;
}

async function load(props: Props) {
  const person = await getPerson(decodeURIComponent((await props.params).id));
  if (!person) notFound();
  return person;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: (await load(props)).name };
}

export default async function PersonPage(props: Props) {
  const person = await load(props);
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
    </div>
  );
}
