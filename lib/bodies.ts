/**
 * The bodies people in the corpus speak for: the district CPPCC (区政协), the municipal CPPCC (市政协)
 * and the people's congress (人大). The one home for their order and labels. Pure: a person's body
 * is read from their printed role where it names one (市政协委员 commenting at a 人大 session is still
 * a member of the 市政协), else from the source they appear in (its body and level).
 */
export const BODIES = ["district-cppcc", "municipal-cppcc", "npc", "other"] as const;
export type Body = (typeof BODIES)[number];

export const BODY_LABEL: Record<Body, string> = {
  "district-cppcc": "区政协",
  "municipal-cppcc": "市政协",
  npc: "人大",
  other: "其他",
};

const cppcc = (level: "district" | "municipal"): Body => (level === "district" ? "district-cppcc" : "municipal-cppcc");

/** The body of a person in one document: from the role as printed, else the source's body and level. */
export function bodyOf(role: string | null, source: { body: string; level: "district" | "municipal" }): Body {
  if (role) {
    if (/区政协/u.test(role)) return "district-cppcc";
    if (/市政协/u.test(role)) return "municipal-cppcc";
    if (/政协/u.test(role)) return cppcc(source.level);
    if (/人大|人民代表/u.test(role)) return "npc";
  }
  if (/政协|政治协商/u.test(source.body)) return cppcc(source.level);
  if (/人大|人民代表大会/u.test(source.body)) return "npc";
  return "other";
}

/** Bodies in display order (区政协, 市政协, 人大, 其他). */
export const compareBodies = (a: Body, b: Body) => BODIES.indexOf(a) - BODIES.indexOf(b);
