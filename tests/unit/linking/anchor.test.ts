import { describe, expect, it } from "vitest";
import { buildSnapshot, fingerprint, reanchor, retitled, sameTitle, type StoredAnchor } from "@/lib/linking/anchor";

const P1 = "加快建设保障性租赁住房，解决新市民、青年人住房困难。";
const P2 = "完善人才公寓配租政策。";
const PLAN = "扩大保障性租赁住房供给。";

function snapshot(opts: { docParagraphs?: string[]; docTitle?: string; nodeTitle?: string; nodePath?: string } = {}) {
  const paragraphs = (opts.docParagraphs ?? [P1, P2]).map((t, i) => ({
    id: `d-01-p${i + 1}`,
    fingerprint: fingerprint(t),
  }));
  return buildSnapshot(
    [{ id: "d-01", sourceId: "d", title: opts.docTitle ?? "关于青年住房的建议", paragraphs }],
    [
      {
        planId: "plan",
        path: opts.nodePath ?? "7.3",
        title: opts.nodeTitle ?? "强化多层次住房保障",
        paragraphs: [{ id: `plan-n${opts.nodePath ?? "7.3"}-p1`, fingerprint: fingerprint(PLAN) }],
        targets: [{ id: `plan-n${opts.nodePath ?? "7.3"}-t1`, key: fingerprint("到2025年新增租赁住房1万套") }],
      },
    ],
  );
}

const link: StoredAnchor = {
  documentId: "d-01",
  documentSourceId: "d",
  documentTitle: "关于青年住房的建议",
  planId: "plan",
  planPath: "7.3",
  planNodeTitle: "强化多层次住房保障",
  targetKey: "",
  targetId: null,
  evidence: [
    {
      id: "e1",
      paragraphId: "d-01-p1",
      paragraphFingerprint: fingerprint(P1),
      planParagraphId: "plan-n7.3-p1",
      planParagraphFingerprint: fingerprint(PLAN),
    },
  ],
};

describe("fingerprints", () => {
  it("ignore punctuation, spacing and full-width forms, not words", () => {
    expect(fingerprint("加快建设保障性租赁住房, 解决新市民")).toBe(fingerprint("加快建设保障性租赁住房，解决新市民"));
    expect(fingerprint("ＡＢＣ 住房")).toBe(fingerprint("abc住房"));
    expect(fingerprint("加快建设保障性租赁住房")).not.toBe(fingerprint("加快建设共有产权住房"));
    expect(sameTitle("一、 站在全新的历史起点", "一、站在全新的历史起点")).toBe(true);
  });
});

describe("re-anchoring", () => {
  it("leaves a link whose anchors hold as it is", () => {
    const out = reanchor(link, snapshot());
    expect(out).toEqual({
      kind: "resolved",
      changed: false,
      anchor: {
        documentId: "d-01",
        planPath: "7.3",
        targetId: null,
        evidence: [{ id: "e1", paragraphId: "d-01-p1", planParagraphId: "plan-n7.3-p1" }],
      },
    });
  });

  it("follows a passage pushed down by an inserted paragraph", () => {
    const out = reanchor(link, snapshot({ docParagraphs: ["新插入的一段。", P1, P2] }));
    expect(out.kind).toBe("resolved");
    if (out.kind === "resolved") {
      expect(out.changed).toBe(true);
      expect(out.anchor.evidence[0]!.paragraphId).toBe("d-01-p2");
    }
  });

  it("follows a renumbered plan node with the same title", () => {
    const out = reanchor(link, snapshot({ nodePath: "7.4" }));
    expect(out.kind === "resolved" && out.anchor.planPath).toBe("7.4");
  });

  it("orphans rather than guesses: a rewritten passage, a retitled document or node, a lost target", () => {
    expect(
      reanchor(link, snapshot({ docParagraphs: ["加快建设保障性租赁住房，解决青年人住房困难。", P2] })),
    ).toMatchObject({
      kind: "orphaned",
      reason: "passage",
    });
    expect(reanchor(link, snapshot({ docTitle: "另一篇发言" }))).toMatchObject({
      kind: "orphaned",
      reason: "document",
    });
    expect(reanchor(link, snapshot({ nodeTitle: "完善住房体系" }))).toMatchObject({
      kind: "orphaned",
      reason: "plan-node",
    });
    expect(reanchor({ ...link, targetKey: fingerprint("已删除的目标") }, snapshot())).toMatchObject({
      kind: "orphaned",
      reason: "target",
    });
  });

  it("keeps a document whose title the parser now writes without the speaker's name, and only by its own id", () => {
    const stored = { ...link, documentTitle: "韩秀娟：关于青年住房的建议" };
    expect(reanchor(stored, snapshot())).toMatchObject({ kind: "resolved", changed: false });
    expect(retitled("关于青年住房的建议", "韩秀娟：关于青年住房的建议")).toBe(true);
    // A short common fragment is no evidence of the same document.
    expect(retitled("建议", "关于青年住房的建议")).toBe(false);
    expect(
      reanchor({ ...link, documentId: "d-02", documentTitle: "韩秀娟：关于青年住房的建议" }, snapshot()),
    ).toMatchObject({ kind: "orphaned", reason: "document" });
  });

  it("orphans when the same passage now occurs twice and neither keeps the old id", () => {
    const out = reanchor(link, snapshot({ docParagraphs: ["新插入的一段。", P1, P1] }));
    expect(out).toMatchObject({ kind: "orphaned", reason: "passage" });
  });
});
