import Link from "next/link";
import type { Body } from "@/lib/bodies";
import { BODY_LABEL } from "@/lib/bodies";
import type { PersonSummary } from "@/lib/data/people";
import { personUrl } from "@/lib/urls";

/** Everyone, grouped by the body they speak for (区政协, 市政协, 人大), each group in pinyin order. */
export function PeopleByBody({ groups }: { groups: { body: Body; people: PersonSummary[] }[] }) {
  return (
    <div className="space-y-10">
      {groups.map((g) => (
        <section key={g.body} aria-labelledby={`body-${g.body}`}>
          <h2 id={`body-${g.body}`} className="mb-3 text-xl font-semibold">
            {BODY_LABEL[g.body]}
            <span className="ml-2 text-sm font-normal text-stone-600 dark:text-stone-400">{g.people.length} 位</span>
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {g.people.map((p) => (
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
        </section>
      ))}
    </div>
  );
}
