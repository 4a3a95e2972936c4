import { describe, expect, it } from "vitest";
import { hitsToCsv } from "@/lib/search/export";

describe("export", () => {
  it("writes CSV that spreadsheets read safely", () => {
    const csv = hitsToCsv(
      [
        {
          kind: "speech",
          title: '=HYPERLINK("x")',
          url: "/s/1",
          passages: [{ url: "/s/1#p-2" }],
          score: 1,
          matches: [{ term: "碳", via: "synonym", expansion: "碳排放" }],
          snippet: { text: "a,b" },
        },
      ],
      "http://h",
      (m) => `${m.term}/${m.via}`,
    );
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('"a,b"');
    expect(csv.split("\r\n")[1]).toBe(`1,speech,"'=HYPERLINK(""x"")",http://h/s/1,http://h/s/1#p-2,1,碳/synonym,"a,b"`);
  });
});
