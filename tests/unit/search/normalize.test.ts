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
  it("gives the same text and map on the whole-string fast path as character by character", () => {
    // A trailing newline (dropped, as whitespace at the end) sends a text down the per-character path.
    for (const original of [
      "坚持以人民为中心，推进教育、医疗（含养老）等公共服务：“十四五”时期Ａ级",
      "臺灣經濟發展與碳達峰。",
    ]) {
      const fast = normalizeWithMap(original);
      const slow = normalizeWithMap(`${original}\n`);
      expect(fast.text).toBe(slow.text);
      expect(fast.map).toEqual([...slow.map.slice(0, -1), original.length]);
    }
  });
});
