/**
 * The policy thesaurus (data/search/thesaurus.json, with the synonym groups of
 * data/search/synonyms.json): the words a query term is expanded to, each with its relation and
 * a weight below the literal word, and the words in which a character typed alone does not mean
 * itself. Loading reads the file once; `expansionsFrom` is pure, for tests.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { projectRoot } from "../infra/paths";
import { normalizeText } from "./normalize";

export const RELATIONS = ["synonym", "narrower", "broader", "related"] as const;
export type Relation = (typeof RELATIONS)[number];

export const THESAURUS_FILE = path.join(projectRoot, "data", "search", "thesaurus.json");
const SYNONYMS_FILE = path.join(projectRoot, "data", "search", "synonyms.json");

const entrySchema = z
  .object({
    term: z.string().min(1),
    synonym: z.array(z.string().min(1)).optional(),
    narrower: z.array(z.string().min(1)).optional(),
    broader: z.array(z.string().min(1)).optional(),
    related: z.array(z.string().min(1)).optional(),
  })
  .strict();

export const thesaurusSchema = z.object({
  comment: z.string().optional(),
  weights: z.object({
    synonym: z.number().gt(0).lt(1),
    narrower: z.number().gt(0).lt(1),
    broader: z.number().gt(0).lt(1),
    related: z.number().gt(0).lt(1),
  }),
  oneCharacter: z.record(z.string().length(1), z.array(z.string().min(2))).default({}),
  entries: z.array(entrySchema),
});
export type ThesaurusFile = z.infer<typeof thesaurusSchema>;

const synonymGroups = z.object({ groups: z.array(z.array(z.string().min(1)).min(2)) });

export interface Expansion {
  /** Normalised word looked for. */
  norm: string;
  /** "synonym" comes from the synonym table (abbreviations, same thing), "thesaurus" from the thesaurus. */
  via: "synonym" | "thesaurus";
  relation: Relation;
  /** Relative to a literal match of the term (1). */
  weight: number;
}

/**
 * Whether an expansion stands for its term: a synonym, or a narrower thing the term covers. A
 * broader theme or a related one is evidence the term is discussed, not the term: a hit holding
 * only such a word is a partial match (ranked with them, and the term is said to be missing).
 */
export function standsFor(e: Pick<Expansion, "relation">): boolean {
  return e.relation === "synonym" || e.relation === "narrower";
}

export interface Thesaurus {
  /** Expansions of one normalised word, strongest first. */
  expand(norm: string): Expansion[];
  /** Words in which this character, typed alone, does not mean itself. */
  notTheWord(char: string): string[];
  /** Every word the thesaurus leads to (for related searches). */
  vocabulary(): string[];
  /** The thesaurus's own terms (two characters or more) inside a word, other than the word itself. */
  termsIn(norm: string): string[];
}

/** Builds the lookup from the file's data and synonym groups (pure). */
export function thesaurusFrom(file: ThesaurusFile, groups: readonly (readonly string[])[] = []): Thesaurus {
  const table = new Map<string, Map<string, Expansion>>();
  const add = (from: string, to: string, via: Expansion["via"], relation: Relation) => {
    const [f, t] = [normalizeText(from), normalizeText(to)];
    if (!f || !t || f === t) return;
    const weight = file.weights[relation];
    const row = table.get(f) ?? new Map<string, Expansion>();
    table.set(f, row);
    const old = row.get(t);
    // A word reached twice keeps its strongest link; the synonym table's own entries win ties.
    if (!old || old.weight < weight) row.set(t, { norm: t, via, relation, weight });
  };
  for (const group of groups) for (const a of group) for (const b of group) add(a, b, "synonym", "synonym");
  for (const e of file.entries) {
    for (const relation of RELATIONS) {
      for (const to of e[relation] ?? []) {
        add(e.term, to, "thesaurus", relation);
        // Synonyms go both ways: 医保 finds 医疗保险 and the other way round.
        if (relation === "synonym") add(to, e.term, "thesaurus", relation);
      }
    }
  }
  const oneChar = new Map(
    Object.entries(file.oneCharacter).map(([c, ws]) => [normalizeText(c), ws.map(normalizeText)]),
  );
  const vocabulary = [...new Set(file.entries.flatMap((e) => RELATIONS.flatMap((r) => e[r] ?? [])).map(normalizeText))];
  return {
    expand: (norm) => [...(table.get(norm)?.values() ?? [])].sort((a, b) => b.weight - a.weight),
    notTheWord: (c) => oneChar.get(c) ?? [],
    vocabulary: () => vocabulary,
    termsIn: (norm) => [...table.keys()].filter((k) => k !== norm && [...k].length >= 2 && norm.includes(k)),
  };
}

let loaded: Thesaurus | null = null;

/** The project's thesaurus, read once. */
export function thesaurus(): Thesaurus {
  if (!loaded) {
    const file = thesaurusSchema.parse(JSON.parse(fs.readFileSync(THESAURUS_FILE, "utf8")));
    const groups = fs.existsSync(SYNONYMS_FILE)
      ? synonymGroups.parse(JSON.parse(fs.readFileSync(SYNONYMS_FILE, "utf8"))).groups
      : [];
    loaded = thesaurusFrom(file, groups);
  }
  return loaded;
}
