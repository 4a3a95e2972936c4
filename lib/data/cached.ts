import "server-only";
import { LRUCache } from "lru-cache";
import { cache } from "react";
import { getDb } from "../db";
import { env } from "../env";
import { readGenerations, type CacheTag } from "./cache-generations";

/**
 * Cached reads (ADR 0010). A reading function is wrapped with `readThrough`: its result is kept in
 * this instance's memory under its name, its arguments and the current generation of each tag it
 * depends on. The generations are read once per request (one query on a three-row table); a write
 * moves a tag's generation in its own transaction, so the next request on any instance looks for a
 * key nobody has filled and reads the database afresh. Entries under old keys are never served again
 * and fall out of the LRU.
 *
 * Values are shared between requests: callers must treat them as read-only (they are plain data the
 * pages render).
 */
const currentGenerations = cache(() => readGenerations(getDb()));

const store = new LRUCache<string, { value: unknown }>({
  maxSize: Math.max(1, env.READ_CACHE_MB) * 1024 * 1024,
  // JSON length is a cheap, good-enough proxy for the heap an entry holds; paid once per miss.
  sizeCalculation: (entry) => Math.max(1, (JSON.stringify(entry.value)?.length ?? 0) * 2),
});
/** Loads in flight, so that concurrent misses on one key read the database once. */
const inFlight = new Map<string, Promise<unknown>>();

async function keyFor(name: string, tags: readonly CacheTag[], args: unknown[]): Promise<string> {
  const generations = await currentGenerations();
  return `${name}|${tags.map((t) => `${t}=${generations[t]}`).join(";")}|${JSON.stringify(args)}`;
}

/** `load(...args)`, from memory when the tags it depends on have not changed since it was last read. */
export async function readThrough<A extends unknown[], R>(
  name: string,
  tags: readonly CacheTag[],
  load: (...args: A) => Promise<R>,
  ...args: A
): Promise<R> {
  if (env.READ_CACHE_MB === 0) return load(...args);
  const key = await keyFor(name, tags, args);
  const hit = store.get(key);
  if (hit) return hit.value as R;
  const pending = inFlight.get(key);
  if (pending) return pending as Promise<R>;
  const loading = load(...args).then(
    (value) => {
      store.set(key, { value });
      inFlight.delete(key);
      return value;
    },
    (error: unknown) => {
      inFlight.delete(key);
      throw error;
    },
  );
  inFlight.set(key, loading);
  return loading;
}
