/**
 * Recomputes the search columns of sources whose rows are current but were indexed under another
 * index version (lib/search/index-fields.ts: SEARCH_INDEX_VERSION, the dictionary). The columns
 * are rebuilt from the stored rows with the same function the writer uses, and updated in place:
 * paragraph ids and every other row stay as they are, so whatever refers to them stays attached.
 */
import type { Prisma } from "../generated/prisma/client";
import type { PrismaClient } from "../infra/prisma-client";
import { documentSearchColumns, planSearchColumns, type SearchColumns } from "../search/index-fields";

type Tx = Prisma.TransactionClient;

/** Paragraphs per UPDATE statement: one round trip each, parameters as six arrays. */
const BATCH = 500;

const paragraphSelect = { select: { id: true, text: true, headingLevel: true }, orderBy: { n: "asc" } } as const;

/** Every paragraph of the source with its columns, computed from its rows as the writer would. */
async function columnsOfSource(tx: Tx, sourceId: string): Promise<{ id: string; columns: SearchColumns }[]> {
  const [documents, nodes] = await Promise.all([
    tx.document.findMany({
      where: { sourceId },
      select: {
        title: true,
        authoringOffice: true,
        speakers: { select: { person: { select: { name: true } } }, orderBy: { position: "asc" } },
        paragraphs: paragraphSelect,
      },
    }),
    tx.planNode.findMany({
      where: { plan: { sourceId } },
      select: { path: true, number: true, title: true, paragraphs: paragraphSelect },
      orderBy: { ordinal: "asc" },
    }),
  ]);
  const out: { id: string; columns: SearchColumns }[] = [];
  for (const d of documents) {
    const columns = documentSearchColumns({ ...d, speakers: d.speakers.map((s) => s.person.name) }, d.paragraphs);
    d.paragraphs.forEach((p, i) => out.push({ id: p.id, columns: columns[i]! }));
  }
  planSearchColumns(nodes).forEach((columns, k) =>
    nodes[k]!.paragraphs.forEach((p, i) => out.push({ id: p.id, columns: columns[i]! })),
  );
  return out;
}

/** Writes the columns of a batch of paragraphs; rows whose columns are already right are left alone. */
async function updateColumns(tx: Tx, rows: { id: string; columns: SearchColumns }[]): Promise<number> {
  const col = (k: keyof SearchColumns) => rows.map((r) => r.columns[k]);
  return tx.$executeRaw`
    UPDATE "Paragraph" AS p
    SET "searchTitle" = v.title, "searchHeading" = v.heading, "searchBody" = v.body,
        "searchContext" = v.context, "normText" = v.norm
    FROM unnest(${rows.map((r) => r.id)}::text[], ${col("searchTitle")}::text[], ${col("searchHeading")}::text[],
                ${col("searchBody")}::text[], ${col("searchContext")}::text[], ${col("normText")}::text[])
         AS v(id, title, heading, body, context, norm)
    WHERE p.id = v.id
      AND (p."searchTitle", p."searchHeading", p."searchBody", p."searchContext", p."normText")
          IS DISTINCT FROM (v.title, v.heading, v.body, v.context, v.norm)`;
}

/**
 * Recomputes the search columns of the given sources in one transaction and stamps each with
 * `version`. Returns how many paragraphs changed.
 */
export async function reindexSources(db: PrismaClient, sourceIds: readonly string[], version: string): Promise<number> {
  if (!sourceIds.length) return 0;
  return db.$transaction(
    async (tx) => {
      let changed = 0;
      for (const sourceId of sourceIds) {
        const rows = await columnsOfSource(tx, sourceId);
        for (let i = 0; i < rows.length; i += BATCH) changed += await updateColumns(tx, rows.slice(i, i + BATCH));
        await tx.source.update({ where: { id: sourceId }, data: { indexVersion: version } });
      }
      return changed;
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}
