/**
 * Writes parsed sources. Every changed source is replaced (delete + insert, cascading to its
 * documents, plan and paragraphs) inside one transaction for the whole run: a failure leaves the
 * database as it was. Unchanged sources are not touched, so rows and editorial data attached to
 * them keep their ids.
 */
import type { PrismaClient } from "../infra/prisma-client";
import { documentId, paragraphId, personId, planNodeId } from "./ids";
import { parseDate, type SourceEntry } from "./manifest";
import type { ParseResult } from "./types";
import { documentSearchColumns, planSearchColumns } from "../search/index-fields";

export interface SourceToWrite {
  entry: SourceEntry;
  sha256: string;
  parserVersion: string;
  /** The index version the search columns are computed with (lib/search/index-fields.ts). */
  indexVersion: string;
  lineCount: number;
  result: ParseResult;
}

export async function writeSources(db: PrismaClient, sources: SourceToWrite[]): Promise<void> {
  if (!sources.length) return;
  await db.$transaction(
    async (tx) => {
      for (const { entry, sha256, parserVersion, indexVersion, lineCount, result } of sources) {
        await tx.source.deleteMany({ where: { id: entry.id } });
        const { date, precision } = parseDate(entry.date);
        await tx.source.create({
          data: {
            id: entry.id,
            file: entry.file,
            sha256,
            format: entry.format,
            parserVersion,
            indexVersion,
            title: entry.title,
            body: entry.body,
            level: entry.level,
            date,
            datePrecision: precision,
            lineCount,
            warnings: result.warnings.map((w) => ({ ...w })),
          },
        });

        const people = new Map<string, string>();
        for (const d of result.documents) for (const s of d.speakers) people.set(personId(s.name), s.name);
        if (people.size) {
          await tx.person.createMany({ data: [...people].map(([id, name]) => ({ id, name })), skipDuplicates: true });
        }
        await tx.document.createMany({
          data: result.documents.map((d) => ({
            id: documentId(entry.id, d.ordinal),
            sourceId: entry.id,
            kind: d.kind,
            ordinal: d.ordinal,
            title: d.title,
            subtitle: d.subtitle,
            date,
            authoringOffice: d.authoringOffice,
            lineStart: d.lineStart,
            lineEnd: d.lineEnd,
          })),
        });
        await tx.documentPerson.createMany({
          data: result.documents.flatMap((d) =>
            d.speakers.map((s, position) => ({
              documentId: documentId(entry.id, d.ordinal),
              personId: personId(s.name),
              position,
              role: s.role,
              affiliation: s.affiliation,
            })),
          ),
          skipDuplicates: true,
        });
        await tx.paragraph.createMany({
          data: result.documents.flatMap((d) => {
            const id = documentId(entry.id, d.ordinal);
            const columns = documentSearchColumns({ ...d, speakers: d.speakers.map((s) => s.name) }, d.paragraphs);
            return d.paragraphs.map((p, i) => ({
              id: paragraphId(id, i + 1),
              documentId: id,
              n: i + 1,
              text: p.text,
              headingLevel: p.headingLevel,
              lineStart: p.lineStart,
              lineEnd: p.lineEnd,
              ...columns[i]!,
            }));
          }),
        });

        if (result.plan) {
          const plan = result.plan;
          await tx.plan.create({
            data: { id: entry.id, sourceId: entry.id, title: plan.title, metadata: plan.metadata },
          });
          const byPath = new Map(plan.nodes.map((n) => [n.path, n]));
          await tx.planNode.createMany({
            data: plan.nodes.map((n, ordinal) => {
              const parentPath = n.path.includes(".") ? n.path.slice(0, n.path.lastIndexOf(".")) : null;
              return {
                id: planNodeId(entry.id, n.path),
                planId: entry.id,
                parentId: parentPath && byPath.has(parentPath) ? planNodeId(entry.id, parentPath) : null,
                kind: n.kind,
                path: n.path,
                level: n.level,
                ordinal,
                number: n.number,
                title: n.title,
                lineStart: n.lineStart,
                lineEnd: n.lineEnd,
              };
            }),
          });
          const columns = planSearchColumns(plan.nodes);
          await tx.paragraph.createMany({
            data: plan.nodes.flatMap((n, k) =>
              n.paragraphs.map((p, i) => ({
                id: paragraphId(planNodeId(entry.id, n.path), i + 1),
                planNodeId: planNodeId(entry.id, n.path),
                n: i + 1,
                text: p.text,
                headingLevel: p.headingLevel,
                lineStart: p.lineStart,
                lineEnd: p.lineEnd,
                ...columns[k]![i]!,
              })),
            ),
          });
          await tx.planFigure.createMany({
            data: plan.nodes.flatMap((n) =>
              n.figures.map((f, i) => ({
                id: `${planNodeId(entry.id, n.path)}-f${i + 1}`,
                planNodeId: planNodeId(entry.id, n.path),
                name: f.name,
                fileName: f.fileName,
                lineNumber: f.lineNumber,
              })),
            ),
          });
          await tx.planTarget.createMany({
            data: plan.nodes.flatMap((n) =>
              n.targets.map((t, i) => ({
                id: `${planNodeId(entry.id, n.path)}-t${i + 1}`,
                planNodeId: planNodeId(entry.id, n.path),
                kind: t.kind,
                text: t.text,
                indicator: t.indicator,
                value: t.value,
                valueNumber: t.valueNumber,
                unit: t.unit,
                year: t.year,
                comparator: t.comparator,
                lineStart: t.lineStart,
                paragraphN: t.paragraphN,
              })),
            ),
          });
        }
      }
      // People whose every document was replaced away.
      await tx.person.deleteMany({ where: { documents: { none: {} } } });
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}
