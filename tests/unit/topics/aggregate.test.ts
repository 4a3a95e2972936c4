import { describe, expect, it } from "vitest";
import { atomDate, atomFeed } from "@/lib/topics/atom";
import { attentionShares } from "@/lib/topics/attention";
import { effectiveTopics } from "@/lib/topics/effective";
import { evaluate } from "@/lib/topics/metrics";

describe("effective topics", () => {
  const machine = [
    { documentId: "a", topicSlug: "ecology", score: 0.8 },
    { documentId: "a", topicSlug: "transport", score: 0.5 },
    { documentId: "b", topicSlug: "ecology", score: 0.6 },
  ];
  const known = new Set(["ecology", "transport", "health"]);

  it("applies editors' decisions over the machine's", () => {
    const out = effectiveTopics(
      machine,
      [
        { documentId: "a", topicSlug: "transport", status: "removed", orphaned: false },
        { documentId: "a", topicSlug: "health", status: "added", orphaned: false },
        { documentId: "b", topicSlug: "ecology", status: "automatic", orphaned: false },
      ],
      known,
    );
    expect(out.get("a")).toEqual([
      { slug: "health", score: 1, origin: "editor" },
      { slug: "ecology", score: 0.8, origin: "machine" },
    ]);
    expect(out.get("b")).toEqual([{ slug: "ecology", score: 0.6, origin: "machine" }]);
  });

  it("ignores orphaned decisions and topics no longer in the taxonomy", () => {
    const out = effectiveTopics(
      [...machine, { documentId: "b", topicSlug: "gone", score: 0.9 }],
      [{ documentId: "b", topicSlug: "ecology", status: "removed", orphaned: true }],
      known,
    );
    expect(out.get("b")!.map((t) => t.slug)).toEqual(["ecology"]);
  });
});

describe("attention shares", () => {
  it("shares each document among its topics and the plan by text length; columns sum to 1", () => {
    const shares = attentionShares(
      {
        documents: [
          {
            kind: "speech",
            topics: [
              { slug: "a", score: 0.6 },
              { slug: "b", score: 0.2 },
            ],
          },
          { kind: "speech", topics: [{ slug: "b", score: 1 }] },
          { kind: "speech", topics: [] },
        ],
        planLeaves: [
          { chars: 300, topics: [{ slug: "a", score: 1 }] },
          { chars: 100, topics: [{ slug: "b", score: 1 }] },
        ],
      },
      ["speech", "report"],
    );
    expect(shares.get("a")!.speech).toBeCloseTo(0.375);
    expect(shares.get("b")!.speech).toBeCloseTo(0.625);
    expect(shares.get("a")!.plan).toBeCloseTo(0.75);
    expect(shares.get("a")!.report).toBeUndefined();
  });
});

describe("metrics", () => {
  it("computes per-topic and micro precision, recall and F1", () => {
    const e = evaluate(
      [
        { gold: ["a"], predicted: ["a", "b"] },
        { gold: ["b"], predicted: [] },
      ],
      ["a", "b"],
    );
    expect(e.micro).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(e.perTopic.get("a")).toMatchObject({ precision: 1, recall: 1 });
    expect(e.perTopic.get("b")).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});

describe("Atom feed", () => {
  it("escapes text and gives partial dates a full timestamp", () => {
    expect(atomDate("2023")).toBe("2023-01-01T00:00:00Z");
    expect(atomDate("2024-03")).toBe("2024-03-01T00:00:00Z");
    const xml = atomFeed({
      id: "https://x/topics/a",
      title: "A & B",
      subtitle: "<s>",
      selfUrl: "https://x/topics/a/feed.xml",
      pageUrl: "https://x/topics/a",
      entries: [
        { id: "https://x/d", title: "T<1>", url: "https://x/d", date: "2023-05-02", authors: [], summary: "s\u0001" },
      ],
    });
    expect(xml).toContain("<title>A &amp; B</title>");
    expect(xml).toContain("<title>T&lt;1&gt;</title>");
    expect(xml).toContain("<updated>2023-05-02T00:00:00Z</updated>");
    expect(xml).not.toContain("\u0001");
  });
});
