import { describe, expect, it } from "vitest";
import { BODY_LABEL, bodyOf, BODIES } from "@/lib/bodies";

const districtCppcc = { body: "政协北京市大兴区第六届委员会第二次会议", level: "district" as const };
const npcSession = { body: "北京市第十六届人民代表大会第一次会议", level: "municipal" as const };
const npcStanding = { body: "北京市人大常委会", level: "municipal" as const };
const municipalCppcc = { body: "政协北京市第十四届委员会第二次会议", level: "municipal" as const };

describe("the body a person speaks for", () => {
  it("reads the printed role first, then the source", () => {
    expect(bodyOf("区政协常委", districtCppcc)).toBe("district-cppcc");
    expect(bodyOf("市政协委员（经济界）", municipalCppcc)).toBe("municipal-cppcc");
    // A 市政协 member commenting on the government work report at the 人大 session.
    expect(bodyOf("市政协委员", npcSession)).toBe("municipal-cppcc");
    expect(bodyOf("市人大代表", npcSession)).toBe("npc");
    // A report's author has no role: the source (the 人大 standing committee) says it.
    expect(bodyOf(null, npcStanding)).toBe("npc");
    expect(bodyOf(null, districtCppcc)).toBe("district-cppcc");
    expect(bodyOf(null, { body: "某报社", level: "municipal" })).toBe("other");
  });

  it("orders and labels the bodies once", () => {
    expect(BODIES.map((b) => BODY_LABEL[b])).toEqual(["区政协", "市政协", "人大", "其他"]);
  });
});
