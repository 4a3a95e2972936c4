/**
 * Tag generations (ADR 0010). Every write that changes what readers see bumps the tags it changes,
 * in the same transaction as the change; cached reads (lib/data/cached.ts) are keyed by the
 * generations they depend on. Not server-only: ingest, the linker and the scripts bump too.
 */
import type { Prisma, PrismaClient } from "../generated/prisma/client";

/** corpus: documents, paragraphs, people, the plan. links: cross-links. topics: topic assignments and decisions. */
export const CACHE_TAGS = ["corpus", "links", "topics"] as const;
export type CacheTag = (typeof CACHE_TAGS)[number];
export type Generations = Record<CacheTag, string>;

type Executor = PrismaClient | Prisma.TransactionClient;

/** Moves each tag to its next generation; call it inside the transaction that makes the change. */
export async function bumpGenerations(db: Executor, tags: readonly CacheTag[]): Promise<void> {
  if (!tags.length) return;
  await db.$executeRaw`
    INSERT INTO "CacheGeneration" (tag, generation, "updatedAt")
    SELECT t, 1, now() FROM unnest(${[...new Set(tags)]}::text[]) AS t
    ON CONFLICT (tag) DO UPDATE SET generation = "CacheGeneration".generation + 1, "updatedAt" = now()`;
}

/** The current generation of every tag ("0" for a tag never bumped). */
export async function readGenerations(db: Executor): Promise<Generations> {
  const rows = await db.$queryRaw<{ tag: string; generation: bigint }[]>`
    SELECT tag, generation FROM "CacheGeneration"`;
  const byTag = new Map(rows.map((r) => [r.tag, r.generation.toString()]));
  return Object.fromEntries(CACHE_TAGS.map((t) => [t, byTag.get(t) ?? "0"])) as Generations;
}

/**
 * Every tag's generation as one string ("corpus=3;links=17;topics=2"), for a client outside Next
 * (the production server's page cache, lib/infra/page-cache.ts) that holds a plain pg pool.
 */
export const GENERATION_KEY_SQL = `SELECT coalesce(string_agg(tag || '=' || generation, ';' ORDER BY tag), '') AS key FROM "CacheGeneration"`;
