import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { projectRoot } from "../infra/paths";
import { normalizeText } from "./normalize";

const schema = z.object({ groups: z.array(z.array(z.string().min(1)).min(2)) });

let table: Map<string, string[]> | null = null;

/** Synonyms and abbreviations from data/search/synonyms.json, normalised. */
export function synonymsOf(term: string): string[] {
  if (!table) {
    table = new Map();
    const file = path.join(projectRoot, "data", "search", "synonyms.json");
    const groups = fs.existsSync(file) ? schema.parse(JSON.parse(fs.readFileSync(file, "utf8"))).groups : [];
    for (const group of groups) {
      const norm = group.map(normalizeText);
      for (const t of norm) table.set(t, [...new Set([...(table.get(t) ?? []), ...norm.filter((x) => x !== t)])]);
    }
  }
  return table.get(normalizeText(term)) ?? [];
}
