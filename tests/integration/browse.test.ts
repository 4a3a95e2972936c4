import { describe, expect, it } from "vitest";
import { listDocuments } from "@/lib/data/documents";
import { PEOPLE_LABEL } from "@/lib/kinds";

describe("document lists", () => {
  it("give every item its genre and an extract that points into the document", async () => {
    const { items, total } = await listDocuments({ page: 1, pageSize: 100 });
    expect(items).toHaveLength(total);
    const genres = new Set(items.map((d) => d.genre));
    expect([...genres].sort()).toEqual(["comment", "proposal", "report", "speech"]);
    // The comments on the government work report are the news-comments source, and only they.
    for (const d of items) expect(d.genre === "comment").toBe(d.id.startsWith("beijing-2023-gov-report-comments-"));
    expect(items.filter((d) => d.extract === null)).toEqual([]);
    for (const d of items) {
      expect(d.extract!.url).toBe(`${d.url}#p-${d.extract!.n}`);
      expect([...d.extract!.text].length).toBeLessThanOrEqual(111);
    }
    expect(PEOPLE_LABEL[items.find((d) => d.kind === "speech")!.genre]).toBe("发言人");
  });

  it("the speech with a 建议 section shows its first recommendation, not its background", async () => {
    const { items } = await listDocuments({ kind: "speech", page: 1, pageSize: 20 });
    const carbon = items.find((d) => d.id === "daxing-cppcc-2023-speeches-09")!;
    expect(carbon.extract).toMatchObject({ basis: "recommendation", n: 10 });
    expect(carbon.extract!.text).toMatch(/^加强工作统筹协调。/);
  });

  it("sorts by title in pinyin order and pages the sorted list", async () => {
    const all = await listDocuments({ kind: "report", sort: "title", page: 1, pageSize: 100 });
    const collator = new Intl.Collator("zh-CN-u-co-pinyin");
    const titles = all.items.map((d) => d.title);
    expect(titles).toEqual([...titles].sort(collator.compare));
    const second = await listDocuments({ kind: "report", sort: "title", page: 2, pageSize: 10 });
    expect(second.items.map((d) => d.id)).toEqual(all.items.slice(10, 20).map((d) => d.id));
    expect(second.total).toBe(all.total);
  });

  it("sorts by source and then the order within it; by date newest first", async () => {
    const bySource = await listDocuments({ kind: "proposal", sort: "source", page: 1, pageSize: 100 });
    const sources = bySource.items.map((d) => d.source.title);
    expect(sources).toEqual([...sources].sort(new Intl.Collator("zh-CN-u-co-pinyin").compare));
    const byDate = await listDocuments({ kind: "proposal", page: 1, pageSize: 100 });
    const dates = byDate.items.map((d) => d.date ?? "");
    expect(dates).toEqual([...dates].sort().reverse());
    expect(byDate.items[0]!.id).toBe("beijing-cppcc-2024-proposals-01");
  });
});

describe("people", () => {
  const collator = new Intl.Collator("zh-CN-u-co-pinyin");

  it("are listed in pinyin order", async () => {
    const { listPeople } = await import("@/lib/data/people");
    const names = (await listPeople()).map((p) => p.name);
    expect(names).toEqual([...names].sort(collator.compare));
    expect(names.indexOf("安博")).toBeLessThan(names.indexOf("邓超"));
    expect(names.indexOf("赵磊")).toBeGreaterThan(names.indexOf("张英"));
  });

  it("are grouped by body: 区政协, 市政协, 人大, each group in pinyin order", async () => {
    const { listPeopleByBody } = await import("@/lib/data/people");
    const groups = await listPeopleByBody();
    expect(groups.map((g) => g.body)).toEqual(["district-cppcc", "municipal-cppcc", "npc"]);
    const names = Object.fromEntries(groups.map((g) => [g.body, g.people.map((p) => p.name)]));
    for (const list of Object.values(names)) expect(list).toEqual([...list].sort(collator.compare));
    expect(names["district-cppcc"]).toHaveLength(13);
    expect(names["district-cppcc"]).toContain("舒勇");
    // 市政协委员 commenting at the 人大 session belong to the 市政协; deputies and report authors to 人大.
    expect(names["municipal-cppcc"]).toEqual(expect.arrayContaining(["李昕", "吴彬", "苏宏", "胡立刚"]));
    expect(names["npc"]).toEqual(expect.arrayContaining(["张旭", "许泽玮", "陈恒华", "张伯旭"]));
    expect(names["npc"]).not.toContain("李昕");
  });

  it("a person has roles over time, documents with extracts, and the topics they addressed", async () => {
    const { getPerson, listPeople } = await import("@/lib/data/people");
    const id = (await listPeople()).find((p) => p.name === "舒勇")!.id;
    const person = (await getPerson(id))!;
    expect(person.bodies).toEqual(["district-cppcc"]);
    expect(person.roles).toEqual([
      {
        role: "区政协常委",
        affiliation: "中国社会艺术协会副主席",
        body: "district-cppcc",
        from: "2023",
        to: "2023",
        documents: 1,
      },
    ]);
    expect(person.documents).toHaveLength(1);
    expect(person.documents[0]).toMatchObject({ genre: "speech", extract: { basis: "recommendation", n: 8 } });
    expect(person.topics.map((t) => t.slug)).toContain("culture-tourism");
    expect(person.topics.every((t) => t.documents === 1)).toBe(true);
    const commenter = (await listPeople()).find((p) => p.name === "李昕")!.id;
    expect((await getPerson(commenter))!.documents[0]!.genre).toBe("comment");
  });
});

describe("the plan's goals and targets", () => {
  it("lists every goal and target (no achievements) with its section, chapter and a link to its mark", async () => {
    const { listPlanGoalsAndTargets } = await import("@/lib/data/plan");
    const { items, chapters } = await listPlanGoalsAndTargets();
    expect(items.filter((t) => t.kind === "goal")).toHaveLength(15);
    expect(items.filter((t) => t.kind === "target")).toHaveLength(25);
    expect(items.some((t) => (t.kind as string) === "achievement")).toBe(false);
    const kindergarten = items.find((t) => t.indicator === "适龄儿童入园率")!;
    expect(kindergarten).toMatchObject({ value: "99", unit: "%", year: 2025, comparator: ">=" });
    expect(kindergarten.section.path).toBe("7.1.1");
    expect(kindergarten.chapter).toMatchObject({ path: "7", label: expect.stringMatching(/^第七章/) });
    expect(kindergarten.url).toBe(`/plan/7#t-${encodeURIComponent(kindergarten.id)}`);
    // Only chapters with goals or targets are offered, in plan order.
    expect(chapters.map((c) => c.path)).toEqual([...new Set(items.map((t) => t.chapter.path))]);
    expect(chapters.map((c) => c.path)).not.toContain("2");
  });

  it("filters by chapter", async () => {
    const { listPlanGoalsAndTargets } = await import("@/lib/data/plan");
    const six = await listPlanGoalsAndTargets("6");
    expect(six.items).toHaveLength(8);
    expect(six.items.every((t) => t.chapter.path === "6" && t.section.path.startsWith("6."))).toBe(true);
    expect((await listPlanGoalsAndTargets("99")).items).toEqual([]);
  });
});
