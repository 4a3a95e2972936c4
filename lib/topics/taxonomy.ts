/**
 * The topic taxonomy (data/topics/taxonomy.json): slug, Chinese name, short description, defining
 * terms and an optional parent. Validated on load; slugs are what URLs, the API and editors'
 * decisions refer to, so they never change once published.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { projectRoot } from "../infra/paths";

export const TAXONOMY_FILE = path.join(projectRoot, "data", "topics", "taxonomy.json");

export const topicSlugPattern = /^[a-z][a-z0-9-]{1,40}$/;

const topicSchema = z.strictObject({
  slug: z.string().regex(topicSlugPattern),
  name: z.string().min(1).max(40),
  description: z.string().min(1).max(300),
  terms: z.array(z.string().min(1).max(30)).min(1).max(200),
  parent: z.string().regex(topicSlugPattern).optional(),
});

export const taxonomySchema = z
  .strictObject({ comment: z.string().optional(), topics: z.array(topicSchema).min(1).max(200) })
  .superRefine((t, ctx) => {
    const slugs = new Set(t.topics.map((x) => x.slug));
    if (slugs.size !== t.topics.length) ctx.addIssue({ code: "custom", message: "topic slugs repeat" });
    t.topics.forEach((x, i) => {
      if (x.parent && (!slugs.has(x.parent) || x.parent === x.slug)) {
        ctx.addIssue({ code: "custom", message: `unknown parent ${x.parent}`, path: ["topics", i, "parent"] });
      }
    });
  });

export type Topic = z.infer<typeof topicSchema>;

/** The taxonomy from its JSON text (pure; throws a readable error when it is not valid). */
export function parseTaxonomy(json: string): Topic[] {
  const parsed = taxonomySchema.safeParse(JSON.parse(json));
  if (!parsed.success) {
    throw new Error(
      `data/topics/taxonomy.json: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  return parsed.data.topics;
}

let cached: { text: string; topics: Topic[] } | null = null;

/** The taxonomy file's text (what a topic run's stamp covers). */
export function taxonomyText(): string {
  return fs.readFileSync(TAXONOMY_FILE, "utf8");
}

/** The taxonomy, read once per process (re-read when the file changed, e.g. in a long-running dev server). */
export function loadTaxonomy(): Topic[] {
  const text = taxonomyText();
  if (!cached || cached.text !== text) cached = { text, topics: parseTaxonomy(text) };
  return cached.topics;
}

/** Topics by slug. */
export function topicMap(topics: readonly Topic[] = loadTaxonomy()): Map<string, Topic> {
  return new Map(topics.map((t) => [t.slug, t]));
}
