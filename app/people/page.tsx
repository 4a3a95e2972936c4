import { connection } from "next/server";
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { PeopleByBody } from "@/components/people/people-by-body";
import { listPeopleByBody } from "@/lib/data/people";

export const metadata: Metadata = { title: "人物" };

export default async function PeoplePage() {
  await connection(); // rendered per request: the corpus changes when it is re-ingested
  const groups = await listPeopleByBody();
  const count = new Set(groups.flatMap((g) => g.people.map((p) => p.id))).size;
  return (
    <div>
      <PageHeader title="人物">
        <p className="text-stone-600 dark:text-stone-300">
          发言的政协委员、人大代表与报告作者，共 {count} 位；按所属机构分组，组内按姓名拼音排序。
        </p>
      </PageHeader>
      <PeopleByBody groups={groups} />
    </div>
  );
}
