import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const base = {
  /** Stable slug: document ids and URLs derive from it. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and -"),
  file: z
    .string()
    .min(1)
    .refine((f) => !f.includes("..") && !path.isAbsolute(f), "a file name inside the corpus folder"),
  title: z.string().min(1),
  body: z.string().min(1),
  level: z.enum(["district", "municipal"]),
  /** YYYY, YYYY-MM or YYYY-MM-DD: only as precise as the source says. */
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "YYYY, YYYY-MM or YYYY-MM-DD"),
};

export const sourceEntry = z.discriminatedUnion("format", [
  z.object({
    ...base,
    format: z.literal("cppcc-speeches"),
    options: z.object({ runningHeaders: z.array(z.string()).default([]) }),
  }),
  z.object({
    ...base,
    format: z.literal("five-year-plan"),
    options: z.object({ pastSections: z.array(z.string()).default([]) }),
  }),
  z.object({ ...base, format: z.literal("npc-reports") }),
  z.object({ ...base, format: z.literal("news-proposals") }),
  z.object({ ...base, format: z.literal("news-comments") }),
  z.object({ ...base, format: z.literal("generic") }),
]);

export const manifestSchema = z
  .object({ sources: z.array(sourceEntry).min(1) })
  .refine((m) => new Set(m.sources.map((s) => s.id)).size === m.sources.length, "source ids must be unique")
  .refine((m) => new Set(m.sources.map((s) => s.file)).size === m.sources.length, "source files must be unique");

export type SourceEntry = z.infer<typeof sourceEntry>;
export type Manifest = z.infer<typeof manifestSchema>;

export function readManifest(dir: string): Manifest {
  const file = path.join(dir, "manifest.json");
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  const result = manifestSchema.safeParse(json);
  if (!result.success) {
    throw new Error(`${file}:\n${result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  }
  return result.data;
}

export function parseDate(date: string): { date: Date; precision: "year" | "month" | "day" } {
  const [y, m, d] = date.split("-").map(Number);
  const precision = d ? "day" : m ? "month" : "year";
  return { date: new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1)), precision };
}
