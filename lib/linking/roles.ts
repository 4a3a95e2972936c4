/**
 * What each paragraph of a document is for: a recommendation (what the author wants done — the
 * part that addresses a plan goal), background (situation, achievements, problems, figures), or a
 * formality (greetings, "my speech is titled …"). The linker weighs a paragraph's matches by it.
 */
import type { LinkParagraph } from "./types";

export type ParagraphRole = "recommendation" | "neutral" | "background" | "formality";

export interface RoleWeights {
  recommendation: number;
  neutral: number;
  background: number;
  /** Multiplier for a heading: in this corpus a heading under 建议 states a recommendation in one line. */
  heading: number;
}

export const DEFAULT_ROLE_WEIGHTS: RoleWeights = { recommendation: 1, neutral: 0.7, background: 0.35, heading: 1.2 };

/** Headings that open the recommendations: 对策建议, 意见建议, 措施建议, 政策建议, 打造零碳大兴的建议 … */
const RECOMMENDATION_HEADING = /建议|对策|措施|举措|路径|意见|下一步/u;
/** Headings that open background: 现状, 存在问题, 面临的形势, 主要做法及成效, 概念和应用领域 … */
const BACKGROUND_HEADING =
  /现状|情况|问题|不足|背景|形势|挑战|机遇|成效|做法|概念|意义|定义|优势|进展|回顾|变化|影响|研究/u;

const FORMALITY = /^(各位(领导|委员|代表|同志)|尊敬的|我发言的题目是|我代表|谢谢)/u;

/** Words that make a sentence an ask: 建议…, 应当…, 加快/推动/建立/完善 … */
const ASK =
  /建议|应当|应该|必须|亟需|需要|加快|推动|建立|完善|加强|推进|健全|探索|鼓励|支持|打造|构建|出台|设立|提升|优化|强化|争取|搭建|引导|扩大|深化|培育|落实|制定/gu;
/** Words of a report on the present: figures, "as of", "has achieved" … */
const STATE = /目前|现状|调研显示|数据显示|截至|截止|同比|增长|已经|取得|达到|累计|\d+(\.\d+)?[%％万亿个家项]/gu;

const count = (re: RegExp, s: string) => s.match(re)?.length ?? 0;

/** Role of every paragraph, in order, from the headings it sits under and its own wording. */
export function paragraphRoles(paragraphs: readonly LinkParagraph[]): ParagraphRole[] {
  // The class of the innermost open heading that has one, per heading level.
  const open: (ParagraphRole | null)[] = [];
  return paragraphs.map((p, i) => {
    const text = p.text.trim();
    if (p.headingLevel !== null) {
      const own = RECOMMENDATION_HEADING.test(text)
        ? "recommendation"
        : BACKGROUND_HEADING.test(text)
          ? "background"
          : null;
      open.length = Math.max(0, p.headingLevel - 1);
      const inherited = open.findLast((c) => c !== null) ?? null;
      open[p.headingLevel - 1] = own ?? inherited;
      // A heading under 建议 without a class of its own ("（一）加大资源统筹力度") is a recommendation.
      return own ?? inherited ?? "neutral";
    }
    if (FORMALITY.test(text) || (i < 3 && [...text].length < 20)) return "formality";
    const section = open.findLast((c) => c !== null) ?? null;
    if (section === "recommendation") return "recommendation";
    const asks = count(ASK, text);
    const states = count(STATE, text);
    if (section === "background") return asks >= states + 3 ? "neutral" : "background";
    if (/^(建议|一是|二是|三是|四是|五是|六是)/u.test(text) || asks >= states + 2) return "recommendation";
    if (states > asks) return "background";
    return "neutral";
  });
}

/**
 * Weight of every paragraph. In a document without headings, later paragraphs weigh a little more:
 * a speech states its situation first and its asks after.
 */
export function paragraphWeights(
  paragraphs: readonly LinkParagraph[],
  weights: RoleWeights = DEFAULT_ROLE_WEIGHTS,
): number[] {
  const roles = paragraphRoles(paragraphs);
  const structured = paragraphs.some((p) => p.headingLevel !== null);
  const n = paragraphs.length;
  return roles.map((role, i) => {
    if (role === "formality") return 0;
    let w = weights[role];
    if (paragraphs[i]!.headingLevel !== null) w *= weights.heading;
    if (!structured && n > 2) w *= 0.85 + (0.3 * i) / (n - 1);
    return w;
  });
}
