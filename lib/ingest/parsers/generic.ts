/**
 * The generic format for documents without a dedicated parser. One file may hold several
 * documents; each starts with a front-matter block:
 *
 *   ---
 *   kind: speech            (a document kind of lib/kinds: speech | proposal | report)
 *   title: 关于……的建议
 *   speaker: 张三 | 区政协委员 | 某某公司总经理     (repeatable: name | role | affiliation)
 *   office: 市人大常委会财政经济办公室               (optional authoring office)
 *   ---
 *   # 一级标题
 *   Paragraphs separated by blank lines; "#", "##", "###" mark headings (so do 一、 / （一） / 1.).
 */
import { z } from "zod";
import { documentKindSchema } from "../../kind-schemas";
import { cleanName, collapseCjkSpaces, headingLevel, joinBrokenParagraphs, toBlocks } from "../text";
import { ParseError, type ParseResult, type ParsedDocument, type ParsedParagraph, type SourceLine } from "../types";
import { toLines } from "../text";

const frontMatter = z.object({
  kind: documentKindSchema,
  title: z.string().min(1),
  subtitle: z.string().optional(),
  office: z.string().optional(),
  speaker: z.array(z.string()).default([]),
});

export function parseGeneric(text: string): ParseResult {
  const lines = toLines(text);
  const documents: ParsedDocument[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.text.trim() !== "---") {
      if (lines[i]!.text.trim() && !documents.length)
        throw new ParseError('expected front matter ("---") before the first document', lines[i]!.n);
      i++;
      continue;
    }
    const startLine = lines[i]!.n;
    const fields: Record<string, string | string[]> = { speaker: [] };
    i++;
    for (; i < lines.length && lines[i]!.text.trim() !== "---"; i++) {
      const t = lines[i]!.text.trim();
      if (!t) continue;
      const m = t.match(/^([a-z]+)\s*:\s*(.*)$/u);
      if (!m) throw new ParseError(`front matter line is not "key: value": "${t}"`, lines[i]!.n);
      if (m[1] === "speaker") (fields.speaker as string[]).push(m[2]!);
      else fields[m[1]!] = m[2]!;
    }
    if (i >= lines.length) throw new ParseError("front matter is not closed with ---", startLine);
    const meta = frontMatter.safeParse(fields);
    if (!meta.success)
      throw new ParseError(
        `front matter: ${meta.error.issues.map((x) => `${x.path.join(".")} ${x.message}`).join("; ")}`,
        startLine,
      );
    i++;
    const body: SourceLine[] = [];
    while (i < lines.length && lines[i]!.text.trim() !== "---") body.push(lines[i++]!);
    // A "#" heading line is a paragraph of its own even without a blank line after it.
    const groups: SourceLine[][] = [];
    for (const b of toBlocks(body).blocks) {
      let current: SourceLine[] = [];
      for (const l of b.lines) {
        if (/^#{1,4}\s/u.test(l.text.trim())) {
          if (current.length) groups.push(current);
          groups.push([l]);
          current = [];
        } else current.push(l);
      }
      if (current.length) groups.push(current);
    }
    const raw: ParsedParagraph[] = groups.map((g) => {
      const joined = collapseCjkSpaces(g.map((l) => l.text.trim()).join(""));
      const md = joined.match(/^(#{1,4})\s*(.+)$/u);
      return {
        text: md ? md[2]! : joined,
        headingLevel: md ? md[1]!.length : headingLevel(joined),
        lineStart: g[0]!.n,
        lineEnd: g[g.length - 1]!.n,
      };
    });
    documents.push({
      kind: meta.data.kind,
      ordinal: documents.length + 1,
      title: meta.data.title,
      subtitle: meta.data.subtitle ?? null,
      authoringOffice: meta.data.office ?? null,
      lineStart: startLine,
      lineEnd: body.length ? body[body.length - 1]!.n : startLine,
      speakers: meta.data.speaker.map((s) => {
        const [name, role, affiliation] = s.split("|").map((x) => x.trim());
        return { name: cleanName(name ?? ""), role: role || null, affiliation: affiliation || null };
      }),
      paragraphs: joinBrokenParagraphs(raw),
    });
  }
  if (!documents.length) throw new ParseError("no documents (front matter blocks) found", 1);
  return { documents, plan: null, warnings: [] };
}
