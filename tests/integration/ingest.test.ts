import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/infra/prisma-client";
import { corpusDir } from "@/lib/infra/paths";
import { runIngest, IngestError } from "@/lib/ingest/run";
import { endsSentence, startsNewItem } from "@/lib/ingest/text";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  db = await createTestDatabase("ingest");
  prisma = createPrismaClient(db.url, 2);
  await runIngest({ url: db.url });
});

afterAll(async () => {
  await prisma.$disconnect();
  await db.dispose();
});

async function snapshot() {
  const [sources, documents, paragraphs, people, nodes, targets] = await Promise.all([
    prisma.source.findMany({ select: { id: true, sha256: true, ingestedAt: true }, orderBy: { id: "asc" } }),
    prisma.document.findMany({ select: { id: true }, orderBy: { id: "asc" } }),
    prisma.paragraph.count(),
    prisma.person.findMany({ select: { id: true, name: true }, orderBy: { id: "asc" } }),
    prisma.planNode.count(),
    prisma.planTarget.count(),
  ]);
  return { sources, documents, paragraphs, people, nodes, targets };
}

describe("ingesting the whole corpus", () => {
  it("has the expected documents per source and kind", async () => {
    const rows = await prisma.document.groupBy({
      by: ["sourceId", "kind"],
      _count: { _all: true },
      orderBy: { sourceId: "asc" },
    });
    expect(Object.fromEntries(rows.map((r) => [`${r.sourceId}/${r.kind}`, r._count._all]))).toEqual({
      "beijing-2023-gov-report-comments/proposal": 6,
      "beijing-cppcc-2024-proposals/proposal": 17,
      "beijing-npc-2020-reports/report": 27,
      "daxing-cppcc-2023-speeches/speech": 13,
    });
  });

  it("has the whole plan outline with exact titles", async () => {
    const nodes = await prisma.planNode.findMany({
      select: { path: true, kind: true, title: true },
      orderBy: { ordinal: "asc" },
    });
    expect(nodes.filter((n) => n.kind === "chapter")).toHaveLength(10);
    expect(nodes.filter((n) => n.kind === "section")).toHaveLength(38);
    expect(nodes.filter((n) => n.kind === "subsection")).toHaveLength(92);
    expect(nodes.find((n) => n.path === "10")!.title).toBe("狠抓落实，全力确保规划有效实施");
    expect(nodes.find((n) => n.path === "3.2.1")!.title).toBe("打造中国药谷");
    const figures = await prisma.planFigure.findMany({ select: { fileName: true, missing: true } });
    expect(figures).toContainEqual({ fileName: "“十四五”时期经济社会发展主要指标.png", missing: true });
    const goals = await prisma.planTarget.count({ where: { kind: "goal" } });
    expect(goals).toBeGreaterThanOrEqual(15);
  });

  it("spot-checks titles, speakers and affiliations", async () => {
    const speech = await prisma.document.findUniqueOrThrow({
      where: { id: "daxing-cppcc-2023-speeches-05" },
      select: {
        title: true,
        speakers: { select: { role: true, affiliation: true, person: { select: { name: true } } } },
      },
    });
    expect(speech.title).toBe("从“兴”出发，打造一流营商环境");
    expect(speech.speakers[0]).toEqual({
      role: "区政协委员",
      affiliation: "民革大兴区工委副主委；北京经济技术开发区管委会政务服务中心副主任",
      person: { name: "张晖" },
    });
    const report = await prisma.document.findUniqueOrThrow({
      where: { id: "beijing-npc-2020-reports-11" },
      select: { title: true, authoringOffice: true },
    });
    expect(report).toEqual({
      title: "关于北京市“十四五”时期我市教育改革和发展规划的调研报告",
      authoringOffice: "市人大常委会教育科技文化卫生办公室",
    });
    const comment = await prisma.documentPerson.findFirstOrThrow({
      where: { person: { name: "许泽玮" } },
      select: { role: true, affiliation: true },
    });
    expect(comment).toEqual({ role: "市人大代表", affiliation: "91科技集团董事长" });
  });

  it("leaves no running page header in any paragraph and no page-break fragment", async () => {
    expect(await prisma.paragraph.count({ where: { text: { contains: "大会发言材料之" } } })).toBe(0);
    // Sentences the corpus cuts with a page break (header or blank lines only) are whole again.
    for (const fragment of ["用。推动工作思路", "小，还需进一步加强", "工作，既坚定不移走绿色低碳", "京城市总体规划"]) {
      expect(await prisma.paragraph.count({ where: { text: { startsWith: fragment } } })).toBe(0);
    }
    const paragraphs = await prisma.paragraph.findMany({
      where: { documentId: { not: null } },
      select: { documentId: true, text: true, headingLevel: true },
      orderBy: [{ documentId: "asc" }, { n: "asc" }],
    });
    const broken = paragraphs.filter((p, i) => {
      const next = paragraphs[i + 1];
      return (
        next &&
        next.documentId === p.documentId &&
        p.headingLevel === null &&
        next.headingLevel === null &&
        !endsSentence(p.text) &&
        !startsNewItem(next.text)
      );
    });
    expect(broken).toEqual([]);
  });

  it("is idempotent: a second run changes nothing and keeps ids", async () => {
    const before = await snapshot();
    const reports = await runIngest({ url: db.url });
    expect(reports.every((r) => r.status === "unchanged")).toBe(true);
    expect(await snapshot()).toEqual(before);
  });
});

describe("changing and breaking sources", () => {
  function tempCorpus(edit: (dir: string) => void): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "corpus-"));
    for (const f of fs.readdirSync(corpusDir)) fs.copyFileSync(path.join(corpusDir, f), path.join(dir, f));
    edit(dir);
    return dir;
  }

  it("replaces only the changed source, keeping the others' rows", async () => {
    const before = await snapshot();
    const dir = tempCorpus((d) => {
      const f = path.join(d, "beijing-2023-gov-report-deputies-news.txt");
      fs.writeFileSync(f, fs.readFileSync(f, "utf8").replace("为新药上市开通绿色通道", "为创新药上市开通绿色通道"));
    });
    const reports = await runIngest({ url: db.url, dir });
    expect(reports.filter((r) => r.status === "loaded").map((r) => r.id)).toEqual(["beijing-2023-gov-report-comments"]);
    const after = await snapshot();
    expect(after.documents).toEqual(before.documents);
    const changed = after.sources.find((s) => s.id === "beijing-2023-gov-report-comments")!;
    const unchanged = after.sources.find((s) => s.id === "daxing-14th-fyp")!;
    expect(changed.sha256).not.toBe(before.sources.find((s) => s.id === changed.id)!.sha256);
    expect(unchanged).toEqual(before.sources.find((s) => s.id === "daxing-14th-fyp"));
    expect(await prisma.document.count({ where: { title: "为创新药上市开通绿色通道" } })).toBe(1);
    await runIngest({ url: db.url }); // back to the real corpus
  });

  it("reloads a source an older parser produced, though its file did not change", async () => {
    // An install ingested before a parser change: same file, stored parser version of another parse.
    await prisma.source.update({ where: { id: "beijing-npc-2020-reports" }, data: { parserVersion: "npc-reports@2" } });
    const reports = await runIngest({ url: db.url });
    expect(reports.filter((r) => r.status === "loaded").map((r) => r.id)).toEqual(["beijing-npc-2020-reports"]);
    const source = await prisma.source.findUniqueOrThrow({
      where: { id: "beijing-npc-2020-reports" },
      select: { parserVersion: true },
    });
    expect(source.parserVersion).toMatch(/^npc-reports@\d+\+[0-9a-f]{12}$/u);
    expect((await runIngest({ url: db.url })).every((r) => r.status === "unchanged")).toBe(true);
  });

  it("aborts on a file that fails to parse, naming file and line, and writes nothing", async () => {
    const before = await snapshot();
    const dir = tempCorpus((d) => {
      const speeches = path.join(d, "daxing-cppcc-2023-plenary-speeches.txt");
      fs.writeFileSync(
        speeches,
        fs.readFileSync(speeches, "utf8").replace("深化校地合作 共推大兴高质量发展", "被改坏的标题"),
      );
      const news = path.join(d, "beijing-2023-gov-report-deputies-news.txt");
      fs.writeFileSync(
        news,
        fs.readFileSync(news, "utf8").replace("为新药上市开通绿色通道", "为创新药上市开通绿色通道"),
      );
    });
    await expect(runIngest({ url: db.url, dir })).rejects.toThrow(IngestError);
    await expect(runIngest({ url: db.url, dir })).rejects.toThrow(
      /daxing-cppcc-2023-plenary-speeches\.txt:\d+: speech 8/,
    );
    expect(await snapshot()).toEqual(before);
  });

  it("rejects an invalid manifest with a clear message", async () => {
    const dir = tempCorpus((d) => {
      const m = JSON.parse(fs.readFileSync(path.join(d, "manifest.json"), "utf8"));
      m.sources[0].level = "national";
      fs.writeFileSync(path.join(d, "manifest.json"), JSON.stringify(m));
    });
    await expect(runIngest({ url: db.url, dir })).rejects.toThrow(/sources\.0\.level/);
  });
});
