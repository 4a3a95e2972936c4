import "server-only";
import { cache } from "react";
import { getDb } from "../db";
import { readThrough } from "./cached";
import { documentUrl, formatDate } from "../urls";

export const getPerson = cache(async (id: string) => readThrough("getPerson", ["corpus", "topics"], loadPerson, id));

async function loadPerson(id: string) {
  const person = await getDb().person.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      documents: {
        select: {
          role: true,
          affiliation: true,
          document: {
            select: {
              id: true,
              kind: true,
              title: true,
              source: { select: { title: true, date: true, datePrecision: true } },
            },
          },
        },
        orderBy: { document: { source: { date: "desc" } } },
      },
    },
  });
  if (!person) return null;
  return {
    id: person.id,
    name: person.name,
    documents: person.documents.map((d) => ({
      id: d.document.id,
      kind: d.document.kind,
      title: d.document.title,
      url: documentUrl(d.document.kind, d.document.id),
      role: d.role,
      affiliation: d.affiliation,
      source: d.document.source.title,
      date: formatDate(d.document.source.date, d.document.source.datePrecision),
    })),
  };
}

export async function listPeople() {
  return readThrough("listPeople", ["corpus"], loadPeople);
}

async function loadPeople() {
  const rows = await getDb().person.findMany({
    select: {
      id: true,
      name: true,
      documents: { select: { role: true }, take: 1 },
      _count: { select: { documents: true } },
    },
    orderBy: { name: "asc" },
  });
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    role: p.documents[0]?.role ?? null,
    documents: p._count.documents,
  }));
}
