import { describe, expect, it } from "vitest";
import { normalizeText } from "@/lib/search/normalize";
import { buildBaseline } from "@/lib/linking/baseline";
import {
  DEFAULT_LINKER_OPTIONS,
  buildLinkIndex,
  comparePaths,
  linkCorpus,
  rankPlanNodes,
  selectLinks,
  stripNumber,
  windows,
} from "@/lib/linking/linker";
import { paragraphRoles, paragraphWeights } from "@/lib/linking/roles";
import { linkStopwords, linkTokens } from "@/lib/linking/text";
import type { LinkDocument, LinkParagraph, LinkPlanNode } from "@/lib/linking/types";

const para = (owner: string, texts: (string | [string, number])[]): LinkParagraph[] =>
  texts.map((t, i) => ({
    id: `${owner}-p${i + 1}`,
    n: i + 1,
    text: typeof t === "string" ? t : t[0],
    headingLevel: typeof t === "string" ? null : t[1],
  }));

const node = (
  path: string,
  label: string,
  texts: string[],
  kind: LinkPlanNode["kind"] = "subsection",
): LinkPlanNode => ({
  id: `plan-n${path}`,
  path,
  kind,
  label,
  paragraphs: para(`plan-n${path}`, texts),
  targets: [],
});

const doc = (id: string, title: string, texts: (string | [string, number])[]): LinkDocument => ({
  id,
  kind: "speech",
  title,
  paragraphs: para(id, texts),
});

/** A small plan: housing, parks, the airport economy, schools — each with its own vocabulary. */
const PLAN: LinkPlanNode[] = [
  node("1", "第一章 民生", [], "chapter"),
  node("1.1", "一、住有所居", [], "section"),
  node("1.1.1", "(一)强化多层次住房保障", [
    "增加保障性租赁住房供给，建设人才公寓和公租房，规范住房租赁市场，促进职住平衡。",
  ]),
  node("1.1.2", "(二)建设公园绿地", ["建设城市公园和口袋公园，完善绿道系统，提高公园绿地服务半径覆盖率。"]),
  node("1.2", "二、办好教育", [], "section"),
  node("1.2.1", "(一)扩充学前教育资源", ["新建幼儿园，增加普惠性学前教育学位，提高适龄儿童入园率。"]),
  node("2", "第二章 开放", [], "chapter"),
  node("2.1", "一、临空经济区", ["依托大兴机场建设临空经济区，发展航空物流和跨境电商，建设综合保税区。"], "section"),
  node("2.2", "二、自由贸易试验区", ["高水平建设自由贸易试验区，推进贸易便利化，扩大服务业开放。"], "section"),
];

describe("linker terms", () => {
  it("drops stop-words of policy prose and one-character words", () => {
    expect(linkStopwords().has("发展")).toBe(true);
    const tokens = linkTokens("加快推进北京市大兴区十四五时期的发展建设工作，建设保障性租赁住房");
    for (const generic of ["加快", "推进", "北京市", "大兴区", "十四五", "发展", "建设", "工作", "的"]) {
      expect(tokens).not.toContain(generic);
    }
    expect(tokens.join(" ")).toMatch(/租赁|住房/);
  });

  it("cuts plan paragraphs into runs of whole sentences", () => {
    const text = "第一句话写得比较长一些。第二句。第三句也写得比较长一些；第四句。";
    const pieces = windows(text, 10);
    expect(pieces.join("")).toBe(text);
    expect(pieces.length).toBeGreaterThan(1);
    expect(windows(text, 0)).toEqual([text]);
  });

  it("reads plan labels without their numbers and sorts paths in reading order", () => {
    expect(stripNumber("第三章 产业强区")).toBe("产业强区");
    expect(stripNumber("(二)强化多层次住房保障")).toBe("强化多层次住房保障");
    expect(stripNumber("一、构建现代产业体系")).toBe("构建现代产业体系");
    expect(["2.10", "2.9", "10.1", "2"].sort(comparePaths)).toEqual(["2", "2.9", "2.10", "10.1"]);
  });
});

describe("paragraph roles", () => {
  it("reads recommendations from 建议 headings and background from 现状/问题 headings", () => {
    const roles = paragraphRoles(
      para("d", [
        "各位领导、各位委员：",
        ["一、现状", 1],
        "目前全区已建成公园32个，绿地面积增长12%。",
        ["二、存在问题", 1],
        "公园分布不均衡。",
        ["三、对策建议", 1],
        ["（一）加大租赁住房供给", 2],
        "建设人才公寓，满足青年需求。",
      ]),
    );
    expect(roles).toEqual([
      "formality",
      "background",
      "background",
      "background",
      "background",
      "recommendation",
      "recommendation",
      "recommendation",
    ]);
  });

  it("weighs a recommendation above background and a greeting at nothing", () => {
    const weights = paragraphWeights(
      para("d", ["各位领导、各位委员：", ["一、现状", 1], "目前已建成32个。", ["二、建议", 1], "建议加快建立机制。"]),
    );
    expect(weights[0]).toBe(0);
    expect(weights[4]!).toBeGreaterThan(weights[2]!);
  });
});

describe("scoring", () => {
  it("lets the recommendations outweigh the background", () => {
    const housingAsked = doc("a", "几点建议", [
      ["一、现状", 1],
      "目前全区建成城市公园和口袋公园32个，公园绿地服务半径覆盖率达到85%，绿道系统基本成形。",
      ["二、建议", 1],
      "建议增加保障性租赁住房供给，建设人才公寓，满足青年职住平衡需求。",
    ]);
    const parksAsked = doc("b", "几点建议", [
      ["一、现状", 1],
      "目前全区保障性租赁住房供给增加，人才公寓建成1200套，职住平衡有所改善。",
      ["二、建议", 1],
      "建议建设更多城市公园和口袋公园，完善绿道系统，提高公园绿地服务半径覆盖率。",
    ]);
    const index = buildLinkIndex(PLAN, [housingAsked, parksAsked]);
    expect(rankPlanNodes(housingAsked, index)[0]!.path).toBe("1.1.1");
    expect(rankPlanNodes(parksAsked, index)[0]!.path).toBe("1.1.2");
  });

  it("scores a synonym below the literal term, above nothing", () => {
    const d = doc("c", "关于自贸区的建议", ["建议加快自贸区建设。"]);
    const plan = [
      node("3.1", "一、甲", ["高水平建设自贸区，创新监管模式。"], "section"),
      node("3.2", "二、乙", ["高水平建设自由贸易试验区，创新监管模式。"], "section"),
      node("3.3", "三、丙", ["高水平建设海绵城市，创新监管模式。"], "section"),
    ];
    const index = buildLinkIndex(plan, [d], { ...DEFAULT_LINKER_OPTIONS, priorWeight: 0 });
    const score = new Map(rankPlanNodes(d, index).map((r) => [r.path, r.score]));
    expect(score.get("3.1")!).toBeGreaterThan(score.get("3.2")!);
    expect(score.get("3.2")!).toBeGreaterThan(score.get("3.3")!);
  });

  it("ignores words the two sides share only as policy verbiage", () => {
    const d = doc("e", "加快推进发展", ["加快推进北京市大兴区建设发展，进一步完善体系机制，全面提升工作水平。"]);
    const index = buildLinkIndex(PLAN, [d]);
    const ranked = rankPlanNodes(d, index);
    expect(ranked.every((r) => r.score <= 0.02)).toBe(true);
    expect(linkCorpus([d], PLAN).links).toEqual([]);
  });
});

describe("plan structure", () => {
  const both = doc("s1", "住房与公园", [
    "建议增加保障性租赁住房供给，建设人才公寓和公租房。",
    "建议建设城市公园和口袋公园，完善绿道系统。",
  ]);
  const one = doc("s2", "住房", ["建议增加保障性租赁住房供给，建设人才公寓和公租房。"]);

  it("ranks a section right behind its second-best subsection, scored from its subsections", () => {
    const index = buildLinkIndex(PLAN, [both, one]);
    const ranked = rankPlanNodes(both, index);
    const at = (path: string) => ranked.findIndex((r) => r.path === path);
    const children = ranked.filter((r) => r.path.startsWith("1.1.")).sort((a, b) => b.score - a.score);
    expect(at("1.1")).toBe(at(children[1]!.path) + 1);
    expect(ranked[at("1.1")]!.section).toBe(true);
    expect(ranked[at("1.1")]!.score).toBe(children[1]!.score);
    // Its evidence is its subsections' passage pairs.
    const below = new Set(PLAN.filter((n) => n.path.startsWith("1.1.")).flatMap((n) => n.paragraphs.map((p) => p.id)));
    expect(ranked[at("1.1")]!.evidence.length).toBeGreaterThan(0);
    for (const e of ranked[at("1.1")]!.evidence) expect(below.has(e.planParagraphId)).toBe(true);
    // Chapters and sections with a single candidate subsection are never ranked.
    expect(ranked.map((r) => r.path)).not.toContain("1");
    expect(ranked.map((r) => r.path)).not.toContain("1.2");
  });

  it("keeps a section below the first nodes when only one of its subsections matches", () => {
    const index = buildLinkIndex(PLAN, [both, one]);
    const ranked = rankPlanNodes(one, index);
    expect(ranked[0]!.path).toBe("1.1.1");
    expect(ranked.find((r) => r.path === "1.1")?.score ?? 0).toBeLessThan(ranked[0]!.score / 2);
    const off = buildLinkIndex(PLAN, [both, one], { ...DEFAULT_LINKER_OPTIONS, sectionShare: -1 });
    expect(rankPlanNodes(both, off).some((r) => r.section)).toBe(false);
  });

  it("links a ranked section only when sectionLinks is on", () => {
    const loose = { minScore: 0, relativeMin: 0, topMinScore: 0 };
    const paths = (o: object) =>
      linkCorpus([both, one], PLAN, o)
        .links.filter((l) => l.documentId === "s1" && l.targetId === null)
        .map((l) => l.planPath);
    expect(paths(loose)).not.toContain("1.1");
    expect(paths({ ...loose, sectionLinks: 1 })).toContain("1.1");
  });
});

describe("thresholds", () => {
  it("gives a document on an unrelated topic no link", () => {
    const d = doc("f", "关于加强南海渔业资源保护的建议", [
      "目前南海渔业资源衰退明显。",
      "建议完善休渔制度，加强渔船管理，推动海洋牧场建设，扶持渔民转产转业。",
    ]);
    expect(linkCorpus([d], PLAN).links).toEqual([]);
  });

  it("links a further node when it is strong enough and close to the best, or nearly tied with it", () => {
    const evidence = [{ paragraphId: "d-p1", planParagraphId: "p-p1", terms: ["住房"], score: 0.1 }];
    const ranked = (...scores: number[]) =>
      scores.map((score, i) => ({
        path: `1.1.${i + 1}`,
        section: false,
        score,
        passageScore: 0,
        documentScore: 0,
        evidence,
      }));
    const o = { ...DEFAULT_LINKER_OPTIONS, topMinScore: 0.09, minScore: 0.25, relativeMin: 0.7, nearTopGap: 0.025 };
    const kept = (...scores: number[]) => selectLinks(ranked(...scores), o).map((r) => r.score);
    expect(kept(0.08, 0.079)).toEqual([]); // nothing above the floor of a best node
    expect(kept(0.4, 0.3, 0.2)).toEqual([0.4, 0.3]); // 0.2 is below minScore
    expect(kept(0.4, 0.26)).toEqual([0.4]); // above minScore, but less than 0.7 × the best
    expect(kept(0.12, 0.1, 0.09)).toEqual([0.12, 0.1]); // low scores: only the nearly tied one
    expect(kept(0.1, 0.085)).toEqual([0.1]); // nearly tied, but below the floor
    expect(selectLinks(ranked(0.12, 0.1), { ...o, nearTopGap: 0 }).map((r) => r.score)).toEqual([0.12]);
  });

  it("keeps at most maxLinks node links per document", () => {
    const broad = doc("g", "民生与开放", [
      "建议增加保障性租赁住房和人才公寓。",
      "建议建设城市公园和口袋公园。",
      "建议新建幼儿园，增加普惠性学前教育学位。",
      "建议依托大兴机场发展航空物流和跨境电商。",
      "建议建设自由贸易试验区，推进贸易便利化。",
    ]);
    for (const maxLinks of [1, 2, 5]) {
      const { links } = linkCorpus([broad], PLAN, { maxLinks, minScore: 0, relativeMin: 0 });
      expect(links.filter((l) => l.targetId === null).length).toBeLessThanOrEqual(maxLinks);
    }
    const one = linkCorpus([broad], PLAN, { maxLinks: 1, minScore: 0, relativeMin: 0 }).links;
    expect(one.filter((l) => l.targetId === null)).toHaveLength(1);
    const { links } = linkCorpus([broad], PLAN, { minScore: 0, relativeMin: 0 });
    expect(links.filter((l) => l.targetId === null).length).toBeGreaterThan(2);
  });

  it("links a goal or target only when a passage matches its sentence, kind goal/target only", () => {
    const plan = PLAN.map((n) =>
      n.path === "1.2.1"
        ? {
            ...n,
            targets: [
              { id: "t-ok", kind: "target" as const, text: "普惠性幼儿园覆盖率达到95%以上", paragraphN: 1 },
              { id: "t-past", kind: "achievement" as const, text: "新建幼儿园50所，增加学位1.2万个", paragraphN: 1 },
            ],
          }
        : n,
    );
    const d = doc("h", "学前教育", ["建议新建幼儿园，提高普惠性幼儿园覆盖率，增加学前教育学位。"]);
    const { links } = linkCorpus([d], plan);
    const targets = links.filter((l) => l.targetId !== null);
    expect(targets.map((t) => t.targetId)).toEqual(["t-ok"]);
    expect(targets[0]!.planPath).toBe("1.2.1");
  });
});

describe("evidence", () => {
  const docs = [
    doc("i", "关于青年人才住房的建议", [
      "各位领导、各位委员：",
      "目前青年人才对住房需求强烈。",
      "建议增加保障性租赁住房供给，建设人才公寓和公租房，促进职住平衡。",
    ]),
    doc("j", "临空经济", ["建议依托大兴机场发展航空物流，建设综合保税区，培育跨境电商。"]),
  ];
  const { links } = linkCorpus(docs, PLAN);

  it("cites paragraph pairs that exist in the inputs, with terms written in both passages", () => {
    expect(links.length).toBeGreaterThan(0);
    const docParagraphs = new Map(docs.flatMap((d) => d.paragraphs.map((p) => [p.id, p.text])));
    const planParagraphs = new Map(PLAN.flatMap((n) => n.paragraphs.map((p) => [p.id, p.text])));
    for (const link of links) {
      expect(link.evidence.length).toBeGreaterThanOrEqual(1);
      expect(link.evidence.length).toBeLessThanOrEqual(3);
      for (const e of link.evidence) {
        const a = normalizeText(docParagraphs.get(e.paragraphId)!);
        const b = normalizeText(planParagraphs.get(e.planParagraphId)!);
        expect(e.paragraphId.startsWith(link.documentId)).toBe(true);
        expect(e.terms.length).toBeGreaterThan(0);
        for (const t of e.terms) {
          expect(a).toContain(t);
          expect(b).toContain(t);
        }
      }
    }
  });

  it("links each document to its topic with a band", () => {
    const first = (id: string) => links.find((l) => l.documentId === id && l.targetId === null);
    expect(first("i")?.planPath).toBe("1.1.1");
    expect(first("j")?.planPath).toBe("2.1");
    for (const l of links) expect(["strong", "medium", "weak"]).toContain(l.band);
  });

  it("never cites a greeting", () => {
    for (const l of links) for (const e of l.evidence) expect(e.paragraphId).not.toBe("i-p1");
  });
});

describe("determinism", () => {
  it("gives the same links on every run and in any document order", () => {
    const docs = [
      doc("k", "住房", ["建议增加保障性租赁住房供给，建设人才公寓。"]),
      doc("l", "公园", ["建议建设口袋公园，完善绿道系统。"]),
      doc("m", "学前", ["建议新建幼儿园，增加学前教育学位。"]),
    ];
    const a = linkCorpus(docs, PLAN);
    const b = linkCorpus(docs, PLAN);
    const c = linkCorpus([...docs].reverse(), PLAN);
    expect(b).toEqual(a);
    const byDoc = (r: typeof a) => [...r.links].sort((x, y) => x.documentId.localeCompare(y.documentId));
    expect(byDoc(c)).toEqual(byDoc(a));
    expect(a.method).toBeTruthy();
    expect(a.version).toBeTruthy();
  });
});

describe("baseline", () => {
  it("ranks plan nodes by TF-IDF cosine of whole texts", () => {
    const d = doc("n", "住房", ["建议增加保障性租赁住房供给，建设人才公寓和公租房。"]);
    const ranking = buildBaseline(PLAN, [d]).rank(d);
    expect(ranking[0]!.path).toBe("1.1.1");
    expect(ranking.map((r) => r.path)).not.toContain("1");
  });
});
