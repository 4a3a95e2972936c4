import { describe, expect, it } from "vitest";
import { clip, documentExtract, sentences, type ExtractParagraph } from "@/lib/extract";

const body = (n: number, text: string): ExtractParagraph => ({ n, text, headingLevel: null });
const heading = (n: number, text: string, level = 1): ExtractParagraph => ({ n, text, headingLevel: level });

describe("document extracts", () => {
  it("splits sentences, keeping a closing quote with its sentence, and clips with an ellipsis", () => {
    expect(sentences("他说：“要加快。”然后呢？好")).toEqual(["他说：“要加快。”", "然后呢？", "好"]);
    expect(clip("一二三四五", 10)).toBe("一二三四五");
    expect(clip("一二三，四五六", 4)).toBe("一二三…");
  });

  it("takes the first point of the 建议 section, not the problems before it", () => {
    const paragraphs = [
      body(1, "各位领导、各位委员："),
      heading(2, "二、存在问题及不足"),
      heading(3, "（一）改革措施与区域主导产业结合不够紧密", 2),
      body(4, "一些改革措施和主导产业结合得不够紧密，企业获得感不强，需要进一步改进。"),
      heading(5, "三、对策建议"),
      heading(6, "（一）在产业方面力争先行先试，打造迭代升级新引擎", 2),
      body(7, "围绕全区产业战略布局，推动专业化改革。做好产业服务。"),
    ];
    expect(documentExtract(paragraphs)).toEqual({
      text: "在产业方面力争先行先试，打造迭代升级新引擎：围绕全区产业战略布局，推动专业化改革。",
      n: 6,
      basis: "recommendation",
    });
  });

  it("takes the first point after 提出以下建议：, without its enumerator", () => {
    const paragraphs = [
      body(1, "党的二十大报告提出，推进文化自信自强，铸就社会主义文化新辉煌，这是我们的方向。"),
      body(2, "为推动全区文化事业进一步发展，经过深入思考，特提出以下建议："),
      heading(3, "一、加强文化实体的保护和利用"),
      body(4, "一是积极探索文化遗产保护和活化利用。推动工作思路转变。"),
    ];
    expect(documentExtract(paragraphs)).toMatchObject({
      text: "加强文化实体的保护和利用：积极探索文化遗产保护和活化利用。",
      n: 3,
    });
  });

  it("in a news item, the sentence that says 建议 with the next; else the first paragraph as the abstract", () => {
    expect(
      documentExtract([
        body(
          1,
          "市政协委员张三说，北京发展生物医药产业具有科技基础。为做强做大，他建议创新协同合作模式。还应拓展空间。",
        ),
      ]),
    ).toEqual({ text: "为做强做大，他建议创新协同合作模式。还应拓展空间。", n: 1, basis: "recommendation" });
    // 意见建议 is a noun, not an ask.
    expect(
      documentExtract([
        body(1, "北京是历史文化名城，近年来文化带建设不断取得实效，收到不少意见建议。他关注到文化带。"),
      ]),
    ).toEqual({
      text: "北京是历史文化名城，近年来文化带建设不断取得实效，收到不少意见建议。他关注到文化带。",
      n: 1,
      basis: "abstract",
    });
    expect(documentExtract([body(1, "各位领导、各位委员：")])).toBeNull();
  });
});
