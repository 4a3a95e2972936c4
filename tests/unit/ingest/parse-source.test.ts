import { describe, expect, it } from "vitest";
import { parserVersion, parseSource } from "@/lib/ingest/parse-source";
import type { SourceEntry } from "@/lib/ingest/manifest";
import { fixture } from "../../support/fixtures";

const entry = (format: SourceEntry["format"]) =>
  ({
    id: "x",
    file: "x.txt",
    format,
    title: "t",
    body: "b",
    level: "district",
    date: "2023",
    options: {},
  }) as SourceEntry;

describe("parserVersion", () => {
  it("changes with the parse output, so a changed parser re-ingests its sources", () => {
    const e = entry("news-proposals");
    const text = fixture("proposals-untitled-excerpt.txt");
    const result = parseSource(e, text);
    expect(parserVersion(e, result)).toMatch(/^news-proposals@\d+\+[0-9a-f]{12}$/u);
    expect(parserVersion(e, parseSource(e, text))).toBe(parserVersion(e, result));
    const retitled = { ...result, documents: result.documents.map((d) => ({ ...d, title: `${d.title}。` })) };
    expect(parserVersion(e, retitled)).not.toBe(parserVersion(e, result));
  });
});
