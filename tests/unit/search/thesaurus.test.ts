import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeText } from "@/lib/search/normalize";
import { expansionsOf, MAX_EXPANSIONS } from "@/lib/search/query";
import { RELATIONS, THESAURUS_FILE, thesaurus, thesaurusFrom, thesaurusSchema } from "@/lib/search/thesaurus";

const file = thesaurusSchema.parse(JSON.parse(fs.readFileSync(THESAURUS_FILE, "utf8")));

describe("the thesaurus as data", () => {
  it("has a few hundred links, each to a word the corpus uses", () => {
    const corpusDir = path.join(path.dirname(THESAURUS_FILE), "..", "corpus");
    const corpus = normalizeText(
      fs
        .readdirSync(corpusDir)
        .filter((f) => f.endsWith(".txt"))
        .map((f) => fs.readFileSync(path.join(corpusDir, f), "utf8"))
        .join("\n"),
    );
    const targets = file.entries.flatMap((e) => RELATIONS.flatMap((r) => e[r] ?? []));
    expect(targets.length).toBeGreaterThan(300);
    // An expansion to a word the corpus never uses would cost a scan and find nothing.
    expect(targets.filter((t) => !corpus.includes(normalizeText(t)))).toEqual([]);
    // Normalising 600 kB of text takes a few seconds on a busy 2-core machine.
  }, 60_000);

  it("weights every relation below the literal word, synonyms highest", () => {
    const w = file.weights;
    expect(Math.max(...Object.values(w))).toBeLessThan(1);
    expect(w.synonym).toBeGreaterThan(w.narrower);
    expect(w.narrower).toBeGreaterThanOrEqual(w.broader);
    expect(w.broader).toBeGreaterThanOrEqual(w.related);
  });
});

describe("thesaurus expansion", () => {
  const t = thesaurusFrom(
    {
      weights: { synonym: 0.6, narrower: 0.45, broader: 0.35, related: 0.3 },
      oneCharacter: { 水: ["水平"] },
      entries: [
        { term: "堵车", synonym: ["交通拥堵"], related: ["静态交通"] },
        { term: "入园难", broader: ["学前教育"], related: ["学前教育", "幼儿园"] },
      ],
    },
    [["两区", "自贸区"]],
  );

  it("expands an everyday word to the official ones, strongest first, synonyms both ways", () => {
    expect(t.expand("堵车")).toEqual([
      { norm: "交通拥堵", via: "thesaurus", relation: "synonym", weight: 0.6 },
      { norm: "静态交通", via: "thesaurus", relation: "related", weight: 0.3 },
    ]);
    expect(t.expand("交通拥堵").map((e) => e.norm)).toEqual(["堵车"]);
    // Only synonyms go back: 静态交通 does not expand to 堵车.
    expect(t.expand("静态交通")).toEqual([]);
    expect(t.expand("自贸区")).toEqual([{ norm: "两区", via: "synonym", relation: "synonym", weight: 0.6 }]);
  });

  it("keeps a word reached twice at its strongest relation", () => {
    expect(t.expand("入园难")).toEqual([
      { norm: "学前教育", via: "thesaurus", relation: "broader", weight: 0.35 },
      { norm: "幼儿园", via: "thesaurus", relation: "related", weight: 0.3 },
    ]);
    expect(t.notTheWord("水")).toEqual(["水平"]);
    expect(t.vocabulary()).toEqual(expect.arrayContaining(["交通拥堵", "学前教育", "幼儿园"]));
  });

  it("expands the project's examples, below the literal word, and a compound through its words", () => {
    const of = (q: string) => expansionsOf(q, [q]).whole.map((e) => e.norm);
    expect(of("堵车")).toContain("交通拥堵");
    expect(of("养老院")).toContain("养老机构");
    expect(of("外卖骑手")).toContain("新就业形态");
    expect(of("入园难")).toEqual(expect.arrayContaining(["学前教育", "幼儿园"]));
    for (const e of expansionsOf("堵车", ["堵车"]).whole) expect(e.weight).toBeLessThan(1);
    expect(expansionsOf("医保", ["医保"]).whole.length).toBeLessThanOrEqual(MAX_EXPANSIONS);
    // 孩子上幼儿园难: no entry for the whole; its words' entries count as its parts do, for less.
    const words = expansionsOf("孩子上幼儿园难", ["孩子", "上", "幼儿园", "难"]);
    expect(words.whole).toEqual([]);
    const preschool = words.parts.find((e) => e.norm === "学前教育")!;
    expect(preschool.weight).toBeLessThan(thesaurus().expand("幼儿园")[0]!.weight);
    // 企业贷款难: 企业贷款 makes up most of it and stands for the whole.
    expect(expansionsOf("企业贷款难", ["企业", "贷款", "难"]).whole.map((e) => e.norm)).toContain("企业融资");
  });
});
