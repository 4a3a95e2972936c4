/**
 * Snapshots of the editorial data: the curation:export format in a rotating folder, taken before
 * ingests that write, restorable with the import.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateLink } from "@/lib/data/curation";
import { curationFileSchema, importCuration } from "@/lib/data/curation-transfer";
import { runLinker } from "@/lib/data/link-run";
import {
  latestSnapshotTime,
  listSnapshots,
  rotateSnapshots,
  scheduleSnapshots,
  takeSnapshot,
} from "@/lib/data/snapshots";
import { createPrismaClient, type PrismaClient } from "@/lib/infra/prisma-client";
import { runIngest } from "@/lib/ingest/run";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
let prisma: PrismaClient;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "snapshots-"));

beforeAll(async () => {
  db = await createTestDatabase("snap");
  prisma = createPrismaClient(db.url, 2);
});

afterAll(async () => {
  await prisma.$disconnect();
  await db.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("snapshots of the editorial data", () => {
  it("skips an empty database when asked, and writes nothing before an ingest that has nothing to protect", async () => {
    expect(await takeSnapshot(db.url, "migration", { dir, skipEmpty: true })).toBeNull();
    await runIngest({ url: db.url, beforeWrite: () => takeSnapshot(db.url, "ingest", { dir, skipEmpty: true }) });
    await runLinker({ url: db.url });
    expect(listSnapshots(dir)).toEqual([]);
  });

  it("snapshots before a re-ingest once an editor has decided something, in the export format, mode 600", async () => {
    const link = await prisma.link.findFirstOrThrow({ where: { status: "suggested" }, orderBy: { id: "asc" } });
    await updateLink(prisma, link.id, { status: "confirmed", note: "快照测试" }, { id: "ed-snap", name: "快照编辑" });
    await runIngest({
      url: db.url,
      force: true,
      beforeWrite: () => takeSnapshot(db.url, "ingest", { dir, skipEmpty: true }),
    });
    const files = listSnapshots(dir);
    expect(files).toHaveLength(1);
    expect(path.basename(files[0]!)).toMatch(/^curation-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z-ingest\.json$/);
    expect(fs.statSync(files[0]!).mode & 0o777).toBe(0o600);
    const file = curationFileSchema.parse(JSON.parse(fs.readFileSync(files[0]!, "utf8")));
    expect(file.links.find((l) => l.id === link.id)).toMatchObject({ status: "confirmed", note: "快照测试" });
    expect(file.events.map((e) => e.action)).toEqual(["confirm"]);
    expect(Math.abs(latestSnapshotTime(dir)!.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("keeps only the newest N", async () => {
    for (let i = 0; i < 4; i++) await takeSnapshot(db.url, "daily", { dir, keep: 3 });
    const files = listSnapshots(dir).map((f) => path.basename(f));
    expect(files).toHaveLength(3);
    expect(files.every((f) => f.endsWith("-daily.json"))).toBe(true);
    expect(rotateSnapshots(dir, 1)).toHaveLength(2);
    expect(listSnapshots(dir)).toHaveLength(1);
  });

  it("restores through the import: a lost decision comes back", async () => {
    const [snapshot] = listSnapshots(dir);
    const data = JSON.parse(fs.readFileSync(snapshot!, "utf8")) as { links: { id: string }[] };
    const id = data.links[0]!.id;
    // The loss: the decided link and its history are gone (a bad migration, a mistaken delete).
    await prisma.linkEvent.deleteMany({ where: { linkId: id } });
    await prisma.linkEvidence.deleteMany({ where: { linkId: id } });
    await prisma.link.delete({ where: { id } });
    const report = await importCuration(prisma, data);
    expect(report.links.created).toBe(1);
    expect(report.events.created).toBe(1);
    expect(await prisma.link.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "confirmed",
      note: "快照测试",
    });
  });

  it("the daily schedule takes one at once when the newest is older than the interval, and none when it is fresh", async () => {
    const daily = fs.mkdtempSync(path.join(os.tmpdir(), "snapshots-daily-"));
    try {
      const stop = scheduleSnapshots(db.url, { dir: daily, intervalMs: 3_600_000 });
      const t0 = Date.now();
      while (listSnapshots(daily).length === 0 && Date.now() - t0 < 20_000)
        await new Promise((r) => setTimeout(r, 100));
      stop();
      expect(listSnapshots(daily).map((f) => path.basename(f))).toEqual([expect.stringMatching(/-daily\.json$/)]);
      const again = scheduleSnapshots(db.url, { dir: daily, intervalMs: 3_600_000 });
      await new Promise((r) => setTimeout(r, 1_500));
      again();
      expect(listSnapshots(daily)).toHaveLength(1);
    } finally {
      fs.rmSync(daily, { recursive: true, force: true });
    }
  });
});
