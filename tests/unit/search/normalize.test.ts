import { describe, expect, it } from "vitest";
import { normalizeText, normalizeWithMap } from "@/lib/search/normalize";

describe("normalisation", () => {
  it("folds full-width forms, traditional characters, case and spaces between Chinese", () => {
    expect(normalizeText("ＡＢＣ１２３")).toBe("abc123");
    expect(normalizeText("臺灣經濟發展與碳達峰")).toBe("台湾经济发展与碳达峰");
    expect(normalizeText("京津 冀")).toBe("京津冀");
    expect(normalizeText("5G  Network")).toBe("5g network");
  });
  it("maps every normalised character back to the original", () => {
    const original = "推动“５Ｇ”赋能 发展";
    const { text, map } = normalizeWithMap(original);
    const at = text.indexOf("5g");
    expect(original.slice(map[at], map[at + 2])).toBe("５Ｇ");
  });
});
