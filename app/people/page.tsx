import { connection } from "next/server";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { listPeople } from "@/lib/data/people";
import { personUrl } from "@/lib/urls";

export const metadata: Metadata = { title: "人物" };

export default async function PeoplePage() {
  await connection(); // rendered per request: the corpus changes when it is re-ingested
  const people = await listPeople();
  return (
    <div>
      <PageHeader title="人物">
        <p className="text-stone-600 dark:text-stone-300">
          发言的政协委员、人大代表与报告作者，共 {people.length} 位。
        </p>
      </PageHeader>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {people.map((p) => (
          <li
            key={p.id}
            className="rounded-lg border border-stone-200 bg-white p-3 dark:border-stone-800 dark:bg-stone-900"
          >
            <Link href={personUrl(p.id)} className="font-medium">
              {p.name}
            </Link>
            <p className="text-sm text-stone-600 dark:text-stone-400">
              {p.role ?? "作者"} · {p.documents} 篇
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
