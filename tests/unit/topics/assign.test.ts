import { describe, expect, it } from "vitest";
import { parseCorpus } from "@/lib/ingest/run";
import { linkInputsFromCorpus } from "@/lib/linking/corpus-input";
import { assignTopics } from "@/lib/topics/assign";
import { keywordTopics } from "@/lib/topics/baseline";
import { topicInputs } from "@/lib/topics/corpus-input";
import { findTerms, prepareText, termPatterns } from "@/lib/topics/match";
import { loadTaxonomy, parseTaxonomy, type Topic } from "@/lib/topics/taxonomy";
import type { TopicDocument, TopicPlanNode } from "@/lib/topics/types";

const topics: Topic[] = [
  { slug: "ecology", name: "生态", description: "生态", terms: ["生态", "碳中和", "污染防治"] },
  { slug: "sci-tech", name: "科技", description: "科技", terms: ["科技创新", "创新生态", "实验室"] },
  { slug: "education", name: "教育", description: "教育", terms: ["教育", "学校"] },
];

const p = (id: string, n: number, text: string, headingLevel: number | null = null) => ({ id, n, text, headingLevel });

describe("term matching", () => {
  it("finds two-character terms as words and longer ones anywhere, synonyms below", () => {
    const hits = findTerms(prepareText("推进碳中和与污染防治，建设学校"), termPatterns(topics));
    expect(hits.map((h) => h.pattern.term).sort()).toEqual(["学校", "污染防治", "碳中和"]);
  });

  it("a short term inside a longer term of another topic belongs to the longer one", () => {
    const hits = findTerms(prepareText("打造良好的创新生态"), termPatterns(topics));
    expect(hits.map((h) => `${h.pattern.topic}:${h.pattern.term}`)).toEqual(["sci-tech:创新生态"]);
  });
});

describe("assignment", () => {
  const documents: TopicDocument[] = [
    {
      id: "d1",
      kind: "speech",
      title: "关于推进碳中和的建议",
      paragraphs: [
        p("d1-p1", 1, "各位委员："),
        p("d1-p2", 2, "一、建议"),
        p("d1-p3", 3, "加快污染防治，推进碳中和，改善生态环境，实现碳中和目标。"),
        p("d1-p4", 4, "学校也可以开展一些宣传。"),
      ],
    },
    {
      id: "d2",
      kind: "proposal",
      title: "加强实验室建设",
      paragraphs: [p("d2-p1", 1, "建设国家实验室，推动科技创新。")],
    },
    { id: "d3", kind: "report", title: "关于财务的报告", paragraphs: [p("d3-p1", 1, "本报告讨论预算执行情况。")] },
  ];
  const nodes: TopicPlanNode[] = [
    { id: "n8", path: "8", kind: "chapter", label: "第八章 生态环境", paragraphs: [] },
    {
      id: "n8.1",
      path: "8.1",
      kind: "section",
      label: "一、污染防治",
      paragraphs: [p("n8.1-p1", 1, "持续推进大气污染防治。")],
    },
    { id: "n7", path: "7", kind: "chapter", label: "第七章 民生", paragraphs: [] },
    {
      id: "n7.1",
      path: "7.1",
      kind: "section",
      label: "一、办好教育",
      paragraphs: [p("n7.1-p1", 1, "建设一批学校，发展教育。")],
    },
  ];
  const result = assignTopics(topics, documents, nodes, [{ documentId: "d1", planPath: "8.1", score: 0.4 }]);

  it("tags a document with its main topic and not a passing mention", () => {
    expect(result.documents.get("d1")!.map((t) => t.topic)).toEqual(["ecology"]);
    expect(result.documents.get("d2")!.map((t) => t.topic)).toEqual(["sci-tech"]);
    expect(result.documents.has("d3")).toBe(false);
  });

  it("explains each topic: terms found and the passage that shows it best", () => {
    const eco = result.documents.get("d1")![0]!;
    expect(eco.bestParagraphId).toBe("d1-p3");
    expect(eco.terms[0]).toBe("碳中和");
    expect(eco.score).toBeGreaterThan(0.5);
    expect(eco.score).toBeLessThanOrEqual(1);
  });

  it("keeps each passage's own topics", () => {
    expect(result.passages.get("d1-p3")!.map((t) => t.topic)).toEqual(["ecology"]);
    expect(result.passages.has("d1-p1")).toBe(false);
  });

  it("reads a chapter through its sections and a section in the light of its chapter", () => {
    expect(result.planNodes.get("8")!.map((t) => t.topic)).toEqual(["ecology"]);
    expect(result.planNodes.get("8.1")!.map((t) => t.topic)).toEqual(["ecology"]);
    expect(result.planNodes.get("7.1")!.map((t) => t.topic)).toEqual(["education"]);
  });

  it("is deterministic", () => {
    const again = assignTopics(topics, documents, nodes, [{ documentId: "d1", planPath: "8.1", score: 0.4 }]);
    expect([...again.documents]).toEqual([...result.documents]);
  });

  it("the keyword baseline takes any term present", () => {
    const d1 = documents[0]!;
    expect(keywordTopics(topics, [d1.title, ...d1.paragraphs.map((x) => x.text)].join("\n")).sort()).toEqual([
      "ecology",
      "education",
    ]);
  });
});

describe("the taxonomy", () => {
  it("is valid data: unique slugs, known parents, terms for every topic", () => {
    const taxonomy = loadTaxonomy();
    expect(taxonomy.length).toBeGreaterThanOrEqual(15);
    expect(taxonomy.every((t) => t.terms.length >= 5)).toBe(true);
    expect(() => parseTaxonomy(JSON.stringify({ topics: [{ ...topics[0], parent: "nope" }] }))).toThrow(/parent/);
    expect(() => parseTaxonomy(JSON.stringify({ topics: [topics[0], topics[0]] }))).toThrow(/repeat/);
  });
});

describe("over the real corpus", () => {
  const { documents, plans } = linkInputsFromCorpus(parseCorpus());
  const inputs = topicInputs(documents, plans[0]!.nodes);
  const result = assignTopics(loadTaxonomy(), inputs.documents, inputs.nodes, []);

  it("tags speeches by their evident theme", () => {
    const top = (id: string) => result.documents.get(id)?.[0]?.topic;
    expect(top("daxing-cppcc-2023-speeches-09")).toBe("ecology"); // 打造零碳大兴
    expect(top("daxing-cppcc-2023-speeches-02")).toBe("sci-tech"); // 科技成果转化
    expect(top("beijing-npc-2020-reports-14")).toBe("transport"); // 静态交通
  });

  it("gives every document at most four topics and cites only its own passages", () => {
    for (const d of inputs.documents) {
      const ts = result.documents.get(d.id) ?? [];
      expect(ts.length).toBeLessThanOrEqual(4);
      const own = new Set(d.paragraphs.map((x) => x.id));
      for (const t of ts) if (t.bestParagraphId) expect(own.has(t.bestParagraphId)).toBe(true);
    }
  });
});
