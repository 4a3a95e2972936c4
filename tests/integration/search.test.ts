import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { GET as searchRoute } from "@/app/api/v1/search/route";
import { searchCorpus } from "@/lib/data/search";
import { bumpGenerations } from "@/lib/data/cache-generations";
import { parseQuery } from "@/lib/search/query";
import { documentFrequencies, searchGroups } from "@/lib/search/sql";

const run = (q: string, filters = {}, extra: Partial<Parameters<typeof searchCorpus>[0]> = {}) =>
  searchCorpus({ q, filters, page: 1, pageSize: 10, sort: "relevance", ...extra });

describe("ranking on queries with known best answers", () => {
  it.each([
    ["碳达峰", "daxing-cppcc-2023-speeches-09"],
    ["家校社协同育人", "daxing-cppcc-2023-speeches-13"],
    ["心理健康", "daxing-cppcc-2023-speeches-12"],
    ["5G", "daxing-cppcc-2023-speeches-10"],
    ["垃圾分类 物业管理", "beijing-npc-2020-reports-13"],
    ["互联网门诊", "beijing-cppcc-2024-proposals-13"],
  ])("%s → %s in the top 3", async (q, id) => {
    const r = await run(q);
    expect(r.hits.slice(0, 3).map((h) => h.documentId)).toContain(id);
  });

  it("finds plan sections", async () => {
    const r = await run("中国药谷", { kind: "plan" });
    expect(r.hits[0]?.planPath).toMatch(/^3\.2/);
    expect(r.hits[0]!.url).toMatch(/^\/plan\/3/);
  });

  it("finds a plan subsection through the title of the chapter it sits under", async () => {
    // 4.2.2 加强产业链协作发展 says 京冀 and 津冀, never 京津冀: its chapter is the one on 京津冀.
    const r = await run("京津冀 产业");
    const sub = r.hits.find((h) => h.planPath === "4.2.2");
    expect(sub).toBeDefined();
    expect(r.hits.indexOf(sub!)).toBeLessThan(10);
    expect(sub!.matches).toContainEqual({ term: "京津冀", via: "context", expansion: null });
    expect(sub!.breadcrumb).toEqual(["第四章 区域协同，深度融入京津冀发展大格局", "二、推动重点领域协同发展"]);
    // Context weighs least: the chapter's own text still ranks above a subsection that only inherits the word.
    const chapter = await run("京津冀", { kind: "plan" });
    expect(chapter.hits[0]!.matches).toContainEqual({ term: "京津冀", via: "text", expansion: null });
  });

  it("highlights the matched terms in the snippet", async () => {
    const r = await run("人工智能");
    const hit = r.hits[0]!;
    expect(hit.snippet.highlights.length).toBeGreaterThan(0);
    const [a, b] = hit.snippet.highlights[0]!;
    expect(["人工智能", "大模型", "AI", "ai"]).toContain(hit.snippet.text.slice(a, b));
  });

  it("matches single characters and expands abbreviations", async () => {
    // A single character goes through the index of each paragraph's characters: it must find
    // exactly the documents and plan nodes that contain it anywhere, inside words too.
    const [row] = await getDb().$queryRaw<{ n: bigint }[]>`
      SELECT COUNT(DISTINCT COALESCE("documentId", "planNodeId")) AS n FROM "Paragraph" WHERE "normText" LIKE '%水%'`;
    const water = await run("水");
    expect(water.total).toBeGreaterThan(5);
    expect(water.total).toBe(Number(row!.n));
    const twoZones = await run("两区");
    expect(
      twoZones.hits.some((h) => h.matches.some((m) => m.term === "两区" && (m.via === "synonym" || m.via === "text"))),
    ).toBe(true);
  });

  it("honours phrases and exclusions", async () => {
    const all = await run("国际消费中心");
    const without = await run("国际消费中心 -新国门");
    expect(without.total).toBeLessThan(all.total);
    const phrase = await run('"国际消费中心城市"');
    for (const h of phrase.hits) expect(h.passages.some((p) => p.snippet.text.includes("国际消费中心城市"))).toBe(true);
  });
});

describe("everyday words, partial matches, one character", () => {
  const literalCount = async (word: string) => {
    const [row] = await getDb().$queryRaw<{ n: bigint }[]>`
      SELECT COUNT(*) AS n FROM "Paragraph" WHERE "normText" LIKE ${`%${word}%`}`;
    return Number(row!.n);
  };

  it.each([
    ["堵车", ["交通拥堵", "拥堵"]],
    ["养老院", ["养老机构"]],
    ["外卖骑手", ["新就业形态"]],
    ["入园难", ["学前教育", "幼儿园"]],
  ])("%s finds the passages that say it officially (%s)", async (q, official) => {
    const r = await run(q);
    expect(r.total).toBeGreaterThan(0);
    const via = r.hits.flatMap((h) => h.matches).filter((m) => m.via === "thesaurus" || m.via === "synonym");
    expect(via.map((m) => m.expansion)).toEqual(expect.arrayContaining([expect.stringMatching(official.join("|"))]));
    // Snippets show only passages that match: each has a marked word.
    for (const h of r.hits) for (const p of h.passages) expect(p.snippet.highlights.length).toBeGreaterThan(0);
  });

  it("finds the right passage for a query no paragraph contains literally", async () => {
    expect(await literalCount("堵车")).toBe(0);
    const r = await run("堵车");
    // The report on parking and traffic (静态交通) discusses 交通拥堵.
    expect(r.hits.slice(0, 10).map((h) => h.documentId)).toContain("beijing-npc-2020-reports-14");
    const hit = r.hits.find((h) => h.documentId === "beijing-npc-2020-reports-14")!;
    expect(hit.passages.every((p) => /交通拥堵|拥堵|交通出行|静态交通/.test(p.snippet.text))).toBe(true);
    expect(hit.matches[0]).toMatchObject({ term: "堵车", via: "thesaurus" });
  });

  it("ranks documents with all the words before those with most, and says what each lacks", async () => {
    // No document has both: every hit is partial, each says which word it lacks.
    const none = await run("垃圾分类 冬奥");
    expect(none.complete).toBe(0);
    expect(none.total).toBeGreaterThan(5);
    expect(none.hits.some((h) => h.missing.includes("冬奥"))).toBe(true);
    expect(none.hits.some((h) => h.missing.includes("垃圾分类"))).toBe(true);
    // Three words that share few passages: the complete matches come first, then the partial ones.
    const r = await run("垃圾分类 物业管理 冬奥", {}, { pageSize: 50 });
    const firstPartial = r.hits.findIndex((h) => h.missing.length > 0);
    expect(firstPartial).toBeGreaterThanOrEqual(0);
    expect(r.hits.slice(firstPartial).every((h) => h.missing.length > 0)).toBe(true);
    expect(r.hits.slice(0, firstPartial).every((h) => h.missing.length === 0)).toBe(true);
    const two = await run("垃圾分类 物业管理");
    expect(two.complete).toBeGreaterThan(0);
    expect(two.hits[0]!.missing).toEqual([]);
  });

  it("counts the groups holding every word alike with and without compounds' parts", async () => {
    // Several words that share few paragraphs are read with parts first, and that reading's count
    // of complete groups decides whether the one without parts is needed: parts never cover a word.
    const db = getDb();
    for (const q of [
      "垃圾分类 物业管理",
      "老人 智能手机",
      "中小企业 融资 专利",
      "外国人 看病 保险",
      "大兴机场 地铁 雄安",
    ]) {
      const query = parseQuery(q);
      const options = { offset: 0, limit: 10, sort: "relevance" as const, mode: "any" as const };
      const strict = await searchGroups(db, query, {}, { ...options, withParts: false });
      const loose = await searchGroups(db, query, {}, { ...options, withParts: true });
      expect(loose.complete, q).toBe(strict.complete);
      expect(loose.total, q).toBeGreaterThanOrEqual(strict.total);
    }
  });

  it("matches a compound typed as one word through its parts when the whole is absent", async () => {
    expect(await literalCount("企业贷款难")).toBe(0);
    const r = await run("企业贷款难");
    expect(r.total).toBeGreaterThan(0);
    expect(r.hits[0]!.passages[0]!.snippet.text).toMatch(/贷款|融资/);
  });

  it("reads a resident's question by its content words, the rarer weighing more", async () => {
    // 以后 and 哪些 say how it is asked; the plan's subsection on rail transit answers it.
    const metro = await run("大兴以后会通哪些地铁？");
    expect(metro.hits.slice(0, 3).map((h) => h.planPath)).toContain("6.1.1");
    // 大兴 is in most of the corpus, 人才 is not: the first hits are about attracting talent.
    const talent = await run("如何吸引人才来大兴");
    for (const h of talent.hits.slice(0, 3)) expect(h.passages.map((p) => p.snippet.text).join("")).toMatch(/人才/);
  });

  it("matches a compound through a synonym of one of its words", async () => {
    // No paragraph says AI监管; the proposal on data resources asks to regulate 人工智能.
    expect(await literalCount("ai监管")).toBe(0);
    const r = await run("AI监管");
    expect(r.hits[0]!.documentId).toBe("beijing-cppcc-2024-proposals-12");
    expect(r.hits[0]!.missing).toEqual([]);
  });

  it("reads a question's word the corpus never uses as the words inside it", async () => {
    // No paragraph says 心理压力; the speech on mental health says 心理 and 压力.
    expect(await literalCount("心理压力")).toBe(0);
    const r = await run("孩子心理压力大该找谁？");
    expect(r.hits.slice(0, 3).map((h) => h.documentId)).toContain("daxing-cppcc-2023-speeches-12");
  });

  it("finds a compound's words in different paragraphs of one document as a partial match, not as the term", async () => {
    // The speech on the biomedicine industry names 药品 and 审批 in different paragraphs, never together.
    const [row] = await getDb().$queryRaw<{ apart: bigint; together: bigint }[]>`
      SELECT COUNT(*) FILTER (WHERE "normText" LIKE '%药品%' OR "normText" LIKE '%审批%') AS apart,
             COUNT(*) FILTER (WHERE "normText" LIKE '%药品%' AND "normText" LIKE '%审批%') AS together
      FROM "Paragraph" WHERE "documentId" = 'daxing-cppcc-2023-speeches-04'`;
    expect(Number(row!.apart)).toBeGreaterThanOrEqual(2);
    expect(Number(row!.together)).toBe(0);
    const r = await run("药品审批");
    const hit = r.hits.find((h) => h.documentId === "daxing-cppcc-2023-speeches-04");
    expect(r.hits.slice(0, 3)).toContain(hit);
    // Its two words are there, apart: said so, and the term is said to be missing.
    expect(hit?.matches[0]).toMatchObject({ via: "partial", expansion: "药品 审批" });
    expect(hit?.missing).toEqual(["药品审批"]);
    expect(r.hits.slice(0, r.complete).every((h) => h.missing.length === 0)).toBe(true);
  });

  it("reads one character as the word: 水 ranks water above 水平, and a quoted 水 is the character anywhere", async () => {
    const r = await run("水");
    const onlyLevel = (text: string) => text.replace(/水平|水准/g, "").includes("水") === false;
    for (const h of r.hits.slice(0, 5)) expect(onlyLevel(h.passages.map((p) => p.snippet.text).join(""))).toBe(false);
    // Hits whose only 水 is in 水平 are still found, after the others.
    const quoted = await run('"水"');
    expect(quoted.total).toBe(r.total);
    const levelOnly = r.hits.findIndex((h) => onlyLevel(h.passages.map((p) => p.snippet.text).join("")));
    if (levelOnly >= 0) expect(levelOnly).toBeGreaterThanOrEqual(5);
  });

  it("suggests related searches when there are few or no results", async () => {
    const r = await run("堵车", { kind: "speech" });
    if (r.total < 5) expect(r.related).toEqual(expect.arrayContaining(["交通拥堵"]));
    const nothing = await run("停车费涨价了", { kind: "speech", year: 2024 });
    expect(nothing.total).toBeLessThan(5);
    expect(nothing.related.length).toBeGreaterThan(0);
  });
});

describe("the API says how each hit matched, as data", () => {
  it("returns matches (term, via, expansion) beside matchedTerms, and related searches when few", async () => {
    const res = await searchRoute(new Request(`http://localhost/api/v1/search?q=${encodeURIComponent("堵车")}`));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.complete).toBeGreaterThan(0);
    expect(body.hits.length).toBeGreaterThan(body.complete);
    for (const [i, h] of body.hits.entries()) {
      expect(h.matchedTerms).toEqual(["堵车"]);
      expect(h.matches[0]).toMatchObject({ term: "堵车", via: expect.stringMatching(/^(thesaurus|synonym)$/) });
      expect(typeof h.matches[0].expansion).toBe("string");
      // 交通拥堵 stands for 堵车; a hit holding only a related theme (静态交通) comes after, as
      // lacking it.
      if (i < body.complete) {
        expect(h.matches[0].relation).toMatch(/^(synonym|narrower)$/);
        expect(h.missingTerms).toEqual([]);
      } else {
        expect(h.matches[0].relation).toMatch(/^(broader|related)$/);
        expect(h.missingTerms).toEqual(["堵车"]);
      }
    }
    const partial = await (
      await searchRoute(new Request(`http://localhost/api/v1/search?q=${encodeURIComponent("垃圾分类 冬奥")}`))
    ).json();
    expect(partial.complete).toBe(0);
    expect(partial.hits[0].missingTerms.length).toBe(1);
    // No Chinese labels from the service: the page words them.
    expect(JSON.stringify(partial.hits.map((h: { matches: unknown }) => h.matches))).not.toMatch(/同义词|部分/);
    const few = await (
      await searchRoute(
        new Request(`http://localhost/api/v1/search?q=${encodeURIComponent("停车费涨价了 雄安")}&kind=proposal`),
      )
    ).json();
    expect(few.total).toBe(0);
    expect(few.related).toContain("停车位");
  });
});

describe("filters and facets", () => {
  it("filters by kind, source, person and year, with facet counts", async () => {
    const r = await run("产业");
    expect(Object.keys(r.facets.kind).sort()).toEqual(expect.arrayContaining(["plan", "report", "speech"]));
    const reports = await run("产业", { kind: "report" });
    expect(reports.hits.every((h) => h.kind === "report")).toBe(true);
    expect(reports.total).toBe(r.facets.kind.report);
    // The filtered facet is counted without its own filter, so the other kinds stay visible.
    expect(reports.facets.kind).toEqual(r.facets.kind);
    expect(Object.values(reports.facets.source).reduce((a, b) => a + b, 0)).toBe(reports.total);
    const bySource = await run("产业", { source: "daxing-cppcc-2023-speeches" });
    expect(bySource.hits.every((h) => h.documentId?.startsWith("daxing-cppcc-2023-speeches"))).toBe(true);
    const year = await run("产业", { year: 2020 });
    expect(year.hits.every((h) => h.date?.startsWith("2020"))).toBe(true);
    const person = Object.keys(r.facets.person)[0]!;
    const byPerson = await run("产业", { person });
    expect(byPerson.total).toBe(r.facets.person[person]);
  });

  it("pages through results without overlap", async () => {
    const p1 = await run("发展", {}, { pageSize: 5 });
    const p2 = await run("发展", {}, { pageSize: 5, page: 2 });
    expect(p1.total).toBe(p2.total);
    expect(p1.hits.map((h) => h.url)).not.toEqual(expect.arrayContaining(p2.hits.map((h) => h.url)));
  });
});

describe("hostile input", () => {
  it("never fails on generated strings", async () => {
    const pieces = [
      "'",
      '"',
      "\\",
      "&",
      "|",
      "!",
      "(",
      ")",
      ":*",
      "<->",
      "%",
      "_",
      "😀",
      "碳",
      "OR",
      "-",
      "－",
      "“",
      "\u0000",
      "DROP TABLE",
      "';--",
      " ",
      "水".repeat(50),
    ];
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 300; i++) {
      const q = Array.from(
        { length: 1 + Math.floor(rand() * 8) },
        () => pieces[Math.floor(rand() * pieces.length)],
      ).join(rand() > 0.5 ? " " : "");
      const r = await run(q.replace(/\u0000/g, ""), {}, { withFacets: i % 10 === 0 });
      expect(r.total).toBeGreaterThanOrEqual(0);
    }
    const long = await run("人工智能".repeat(500));
    expect(long.total).toBeGreaterThanOrEqual(0);
  });

  it("counts a word's document frequency once per corpus generation, and afresh after the corpus changes", async () => {
    const db = getDb();
    const word = "生物医药";
    const [row] = await db.$queryRaw<{ n: number }[]>`
      SELECT COUNT(*)::int AS n FROM "Paragraph" WHERE "normText" LIKE ${`%${word}%`}`;
    const n = row!.n;
    expect(n).toBeGreaterThan(0);
    expect((await documentFrequencies(db, [word])).get(word)).toBe(n);
    // A paragraph added without a new generation is not seen: the count is kept...
    await db.$executeRaw`
      INSERT INTO "Paragraph" (id, "documentId", "planNodeId", n, text, "headingLevel", "lineStart", "lineEnd", "searchTitle", "searchHeading", "searchBody", "normText")
      SELECT p.id || '-df', p."documentId", p."planNodeId", p.n + 100000, p.text, p."headingLevel", p."lineStart", p."lineEnd", p."searchTitle", p."searchHeading", p."searchBody", p."normText"
      FROM "Paragraph" p WHERE p."normText" LIKE ${`%${word}%`} ORDER BY p.id LIMIT 1`;
    try {
      expect((await documentFrequencies(db, [word])).get(word)).toBe(n);
      // ...until the write bumps the corpus generation, as ingest does.
      await bumpGenerations(db, ["corpus"]);
      expect((await documentFrequencies(db, [word])).get(word)).toBe(n + 1);
    } finally {
      await db.$executeRaw`DELETE FROM "Paragraph" WHERE id LIKE '%-df'`;
      await bumpGenerations(db, ["corpus"]);
    }
    expect((await documentFrequencies(db, [word])).get(word)).toBe(n);
  });
});
