import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PersonPage } from "@/components/people/person-page";
import { listPlanChaptersForPerson } from "@/lib/data/coverage";
import { idFromSegment } from "@/lib/data/params";
import { getPerson } from "@/lib/data/people";

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

export default async function PersonRoute(props: Props) {
  const person = await load(props);
  const chapters = await listPlanChaptersForPerson(person.id);
  return <PersonPage person={person} chapters={chapters} />;
}
