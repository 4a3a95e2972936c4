/**
 * The read cache (ADR 0010): a read is served from memory until a tag it depends on moves, and only
 * then; concurrent misses read the database once.
 */
import { describe, expect, it } from "vitest";
import { bumpGenerations, readGenerations } from "@/lib/data/cache-generations";
import { getDocument } from "@/lib/data/documents";
import { listLinksForDocument } from "@/lib/data/links";
import { getDb } from "@/lib/db";

describe("read cache", () => {
  it("keeps a read until one of its tags moves", async () => {
    const doc = await getDb().document.findFirstOrThrow({
      where: { kind: "speech" },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    const first = await listLinksForDocument(doc.id);
    expect(first.length).toBeGreaterThan(0);
    // Same tags, same generations: the very same value, not a second read.
    expect(await listLinksForDocument(doc.id)).toBe(first);

    // A tag the read does not depend on moves: still served from memory.
    await bumpGenerations(getDb(), ["topics"]);
    expect(await listLinksForDocument(doc.id)).toBe(first);

    // One it depends on moves (as an editor's write or a linker run does): read afresh, same content.
    const before = await readGenerations(getDb());
    await bumpGenerations(getDb(), ["links"]);
    const after = await readGenerations(getDb());
    expect(BigInt(after.links)).toBe(BigInt(before.links) + 1n);
    expect(after.corpus).toBe(before.corpus);
    const fresh = await listLinksForDocument(doc.id);
    expect(fresh).not.toBe(first);
    expect(fresh).toEqual(first);
  });

  it("reads the database once for concurrent misses on one key", async () => {
    await bumpGenerations(getDb(), ["corpus"]);
    const doc = await getDb().document.findFirstOrThrow({ where: { kind: "report" }, select: { id: true } });
    const [a, b, c] = await Promise.all([getDocument(doc.id), getDocument(doc.id), getDocument(doc.id)]);
    expect(a?.id).toBe(doc.id);
    expect(b).toBe(a);
    expect(c).toBe(a);
  });
});
