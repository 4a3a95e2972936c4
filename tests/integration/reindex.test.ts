import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/infra/prisma-client";
import { formatReport, runIngest } from "@/lib/ingest/run";
import { reindexSources } from "@/lib/ingest/reindex";
import { indexVersion } from "@/lib/search/index-fields";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  db = await createTestDatabase("reindex");
  prisma = createPrismaClient(db.url, 2);
  await runIngest({ url: db.url });
});

afterAll(async () => {
  await prisma.$disconnect();
  await db.dispose();
});

/** Every paragraph's search columns, the generated tsvector included, by id. */
async function paragraphColumns() {
  const rows = await prisma.$queryRaw<
    {
      id: string;
      searchTitle: string;
      searchHeading: string;
      searchBody: string;
      searchContext: string;
      normText: string;
      search: string;
    }[]
  >`SELECT id, "searchTitle", "searchHeading", "searchBody", "searchContext", "normText", search::text AS search
    FROM "Paragraph" ORDER BY id`;
  return new Map(rows.map((r) => [r.id, r]));
}

const sources = () =>
  prisma.source.findMany({
    select: { id: true, sha256: true, parserVersion: true, indexVersion: true, ingestedAt: true },
    orderBy: { id: "asc" },
  });

describe("an index version change", () => {
  it("is stamped on every source the writer loads", async () => {
    expect((await sources()).map((s) => s.indexVersion)).toEqual(Array(5).fill(indexVersion()));
  });

  it("computes from stored rows exactly the columns the writer wrote", async () => {
    const all = (await sources()).map((s) => s.id);
    expect(await reindexSources(prisma, all, indexVersion())).toBe(0);
  });

  it("recomputes the search columns in place, keeping paragraph ids and every other row", async () => {
    const before = await paragraphColumns();
    const sourcesBefore = await sources();
    const [documents, nodes, targets] = await Promise.all([
      prisma.document.findMany({ select: { id: true }, orderBy: { id: "asc" } }),
      prisma.planNode.findMany({ select: { id: true }, orderBy: { id: "asc" } }),
      prisma.planTarget.findMany({ select: { id: true }, orderBy: { id: "asc" } }),
    ]);

    // An older index: two sources stamped otherwise, and columns of a speech paragraph (with its
    // speaker in the title) and of a plan subsection paragraph (with its chapter as context) wrong.
    const stale = ["daxing-cppcc-2023-speeches", "daxing-14th-fyp"];
    await prisma.source.updateMany({ where: { id: { in: stale } }, data: { indexVersion: "old" } });
    const speech = "daxing-cppcc-2023-speeches-05-p2";
    const plan = "daxing-14th-fyp-n4.2.2-p1";
    expect(before.get(speech)!.searchBody).not.toBe("");
    expect(before.get(plan)!.searchContext).toContain("京津冀");
    await prisma.paragraph.update({ where: { id: speech }, data: { searchBody: "", searchTitle: "旧" } });
    await prisma.paragraph.update({ where: { id: plan }, data: { searchContext: "", normText: "旧" } });

    const reports = await runIngest({ url: db.url });
    expect(Object.fromEntries(reports.map((r) => [r.id, r.status]))).toEqual({
      "beijing-2023-gov-report-comments": "unchanged",
      "beijing-cppcc-2024-proposals": "unchanged",
      "beijing-npc-2020-reports": "unchanged",
      "daxing-cppcc-2023-speeches": "reindexed",
      "daxing-14th-fyp": "reindexed",
    });
    expect(formatReport(reports)).toMatch(/daxing-cppcc-2023-plenary-speeches\.txt +\[cppcc-speeches\] reindexed/);

    // Same ids, the columns (and the tsvector generated from them) as the writer made them.
    expect(await paragraphColumns()).toEqual(before);
    // The sources were not replaced: same rows, loaded at the same time, stamped anew.
    expect(await sources()).toEqual(sourcesBefore);
    expect(await prisma.document.findMany({ select: { id: true }, orderBy: { id: "asc" } })).toEqual(documents);
    expect(await prisma.planNode.findMany({ select: { id: true }, orderBy: { id: "asc" } })).toEqual(nodes);
    expect(await prisma.planTarget.findMany({ select: { id: true }, orderBy: { id: "asc" } })).toEqual(targets);

    const again = await runIngest({ url: db.url });
    expect(again.every((r) => r.status === "unchanged")).toBe(true);
  });
});
