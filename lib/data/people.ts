import "server-only";
import { cache } from "react";
import { getDb } from "../db";
import { readThrough } from "./cached";
import { documentExtracts } from "./documents";
import { topicsOfDocuments } from "./topics";
import { bodyOf, compareBodies, type Body } from "../bodies";
import type { DocumentExtract } from "../extract";
import { documentGenre, type DocumentGenre } from "../kinds";
import type { DocumentKind } from "../generated/prisma/client";
import { comparePinyin } from "../pinyin";
import { documentUrl, formatDate } from "../urls";

const sourceSelect = {
  select: { title: true, body: true, level: true, format: true, date: true, datePrecision: true },
};

export interface PersonDocument {
  id: string;
  kind: DocumentKind;
  genre: DocumentGenre;
  title: string;
  url: string;
  role: string | null;
  affiliation: string | null;
  body: Body;
  source: string;
  date: string | null;
  extract: (DocumentExtract & { url: string }) | null;
}

/** One role and affiliation as printed, with the documents and dates it was printed in. */
export interface PersonRole {
  role: string | null;
  affiliation: string | null;
  body: Body;
  /** Earliest and latest date of the documents that print it (as precise as the sources). */
  from: string | null;
  to: string | null;
  documents: number;
}

export interface PersonDetail {
  id: string;
  name: string;
  /** The bodies they speak for, in display order (区政协, 市政协, 人大). */
  bodies: Body[];
  /** Roles and affiliations over time, newest first. */
  roles: PersonRole[];
  /** Newest first. */
  documents: PersonDocument[];
  /** Topics of their documents, with how many documents each (most first). */
  topics: { slug: string; name: string; documents: number }[];
}

export const getPerson = cache(async (id: string): Promise<PersonDetail | null> =>
  readThrough("getPerson", ["corpus", "topics"], loadPerson, id),
);

async function loadPerson(id: string): Promise<PersonDetail | null> {
  const person = await getDb().person.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      documents: {
        select: {
          role: true,
          affiliation: true,
          document: { select: { id: true, kind: true, title: true, ordinal: true, source: sourceSelect } },
        },
        orderBy: [{ document: { source: { date: "desc" } } }, { document: { sourceId: "asc" } }, { documentId: "asc" }],
      },
    },
  });
  if (!person) return null;
  const docs = person.documents.map((d) => d.document);
  const [extracts, topics] = await Promise.all([documentExtracts(docs), topicsOfDocuments(docs.map((d) => d.id))]);
  const documents = person.documents.map((d): PersonDocument => ({
    id: d.document.id,
    kind: d.document.kind,
    genre: documentGenre(d.document.kind, d.document.source.format),
    title: d.document.title,
    url: documentUrl(d.document.kind, d.document.id),
    role: d.role,
    affiliation: d.affiliation,
    body: bodyOf(d.role, d.document.source),
    source: d.document.source.title,
    date: formatDate(d.document.source.date, d.document.source.datePrecision),
    extract: extracts.get(d.document.id) ?? null,
  }));
  return {
    id: person.id,
    name: person.name,
    bodies: [...new Set(documents.map((d) => d.body))].sort(compareBodies),
    roles: rolesOverTime(documents),
    documents,
    topics: topicCounts(documents.map((d) => topics.get(d.id) ?? [])),
  };
}

/** Each distinct role and affiliation with the span of dates it was printed, newest first. */
function rolesOverTime(documents: readonly PersonDocument[]): PersonRole[] {
  const byKey = new Map<string, PersonRole>();
  for (const d of documents) {
    const key = JSON.stringify([d.role, d.affiliation]);
    const r = byKey.get(key) ?? {
      role: d.role,
      affiliation: d.affiliation,
      body: d.body,
      from: d.date,
      to: d.date,
      documents: 0,
    };
    r.documents++;
    if (d.date && (!r.from || d.date < r.from)) r.from = d.date;
    if (d.date && (!r.to || d.date > r.to)) r.to = d.date;
    byKey.set(key, r);
  }
  return [...byKey.values()].sort((a, b) => (b.to ?? "").localeCompare(a.to ?? ""));
}

function topicCounts(perDocument: readonly { slug: string; name: string }[][]) {
  const counts = new Map<string, { slug: string; name: string; documents: number }>();
  for (const topics of perDocument) {
    for (const t of topics) {
      const c = counts.get(t.slug) ?? { slug: t.slug, name: t.name, documents: 0 };
      c.documents++;
      counts.set(t.slug, c);
    }
  }
  return [...counts.values()].sort((a, b) => b.documents - a.documents || comparePinyin(a.name, b.name));
}

export interface PersonSummary {
  id: string;
  name: string;
  /** The role printed with their latest document. */
  role: string | null;
  /** Bodies they speak for, in display order. */
  bodies: Body[];
  documents: number;
}

/** Everyone, in pinyin order of their names. */
export async function listPeople(): Promise<PersonSummary[]> {
  return readThrough("listPeople", ["corpus"], loadPeople);
}

async function loadPeople(): Promise<PersonSummary[]> {
  const rows = await getDb().person.findMany({
    select: {
      id: true,
      name: true,
      documents: {
        select: { role: true, document: { select: { source: { select: { body: true, level: true } } } } },
        orderBy: [{ document: { source: { date: "desc" } } }, { documentId: "asc" }],
      },
    },
  });
  return rows
    .map((p) => ({
      id: p.id,
      name: p.name,
      role: p.documents[0]?.role ?? null,
      bodies: [...new Set(p.documents.map((d) => bodyOf(d.role, d.document.source)))].sort(compareBodies),
      documents: p.documents.length,
    }))
    .sort((a, b) => comparePinyin(a.name, b.name) || a.id.localeCompare(b.id));
}

/** People grouped by the body they speak for (区政协, 市政协, 人大), each group in pinyin order. */
export async function listPeopleByBody(): Promise<{ body: Body; people: PersonSummary[] }[]> {
  const people = await listPeople();
  const groups = new Map<Body, PersonSummary[]>();
  for (const p of people) {
    for (const body of p.bodies) groups.set(body, [...(groups.get(body) ?? []), p]);
  }
  return [...groups.entries()].sort(([a], [b]) => compareBodies(a, b)).map(([body, list]) => ({ body, people: list }));
}
