import "server-only";
import { cache } from "react";
import { getDb } from "../db";
import { readGenerations, type CacheTag } from "./cache-generations";

/**
 * Cached reads (ADR 0010). A reading function splits in two: an exported one that reads the
 * generations of its tags once per request (one query on a three-row table, shared by every read of
 * the request) and a `"use cache"` one that takes that key as an argument. A write moves a tag's
 * generation, so the next request on any instance asks Next's cache for a key it has not seen and
 * reads the database afresh; entries under old keys are never served again and age out of the LRU.
 */
const currentGenerations = cache(() => readGenerations(getDb()));

/** The cache key part for reads that depend on `tags`, e.g. "corpus=3;links=17". */
export async function generationKey(tags: readonly CacheTag[]): Promise<string> {
  const generations = await currentGenerations();
  return tags.map((t) => `${t}=${generations[t]}`).join(";");
}
