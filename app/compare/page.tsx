import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CompareView } from "@/components/links/compare-view";
import { comparePageParams, getComparison } from "@/lib/data/compare";
import { flatSearchParams, type SearchParamsInput } from "@/lib/data/params";

interface Props {
  searchParams: SearchParamsInput;
}

async function load({ searchParams }: Props) {
  const parsed = comparePageParams.safeParse(await flatSearchParams(searchParams));
  if (!parsed.success) notFound();
  const comparison = await getComparison(parsed.data.document, parsed.data.plan);
  if (!comparison) notFound();
  return comparison;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { document, plan } = await load(props);
  return { title: `对照阅读：${document.title} ⇄ ${plan.label}` };
}

export default async function ComparePage(props: Props) {
  return <CompareView comparison={await load(props)} />;
}
