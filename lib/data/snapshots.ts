/**
 * Snapshots of the editorial data — the one part of the database that cannot be re-derived from
 * the corpus — in the `curation:export` format, into a rotating folder. Taken before every
 * migration and every ingest that writes, and daily while `npm start` runs; `npm run
 * curation:import -- <file>` restores one.
 */
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { env } from "../env";
import { projectRoot } from "../infra/paths";
import { createPrismaClient } from "../infra/prisma-client";
import { exportCuration } from "./curation-transfer";

export type SnapshotReason = "migration" | "ingest" | "daily" | "manual";

/** Curation exports (`curation-…json`) and, when the export itself failed, raw table dumps (`tables-…json`). */
const SNAPSHOT_FILE = /^(curation|tables)-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z)-[a-z]+\.json$/;

/** Tables whose rows only editors create; dumped raw when the export cannot run (an older schema). */
const EDITORIAL_TABLES = ["Link", "LinkEvidence", "LinkEvent", "TopicDecision", "TopicEvent"];

export interface SnapshotOptions {
  dir?: string;
  keep?: number;
  log?: (m: string) => void;
  /** Write nothing when there is no editorial data yet (before an ingest or a migration). */
  skipEmpty?: boolean;
}

export function snapshotDir(): string {
  return env.SNAPSHOT_DIR ? path.resolve(env.SNAPSHOT_DIR) : path.join(projectRoot, ".data", "snapshots");
}

/** Snapshot files in the folder, oldest first (their names sort by time). */
export function listSnapshots(dir = snapshotDir()): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => SNAPSHOT_FILE.test(f))
    .sort((a, b) => stampOf(a).localeCompare(stampOf(b)) || a.localeCompare(b))
    .map((f) => path.join(dir, f));
}

const stampOf = (file: string) => SNAPSHOT_FILE.exec(path.basename(file))?.[2] ?? "";

/** When the newest snapshot was taken, or null when there is none. */
export function latestSnapshotTime(dir = snapshotDir()): Date | null {
  const last = listSnapshots(dir).at(-1);
  if (!last) return null;
  const [date = "", time = ""] = stampOf(last).split("T");
  return new Date(`${date}T${time.replace(/-/g, ":")}`);
}

/** Deletes all but the newest `keep` snapshots; returns the files removed. */
export function rotateSnapshots(dir: string, keep: number): string[] {
  const files = listSnapshots(dir);
  const gone = files.slice(0, Math.max(0, files.length - keep));
  for (const f of gone) fs.rmSync(f, { force: true });
  return gone;
}

/** Writes beside, flushes, then renames: a crash never leaves half a snapshot under a real name. */
function writeDurably(file: string, text: string): void {
  const partial = `${file}.partial`;
  const fd = fs.openSync(partial, "w", 0o600);
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(partial, file);
  const dirFd = fs.openSync(path.dirname(file), "r");
  try {
    fs.fsyncSync(dirFd);
  } finally {
    fs.closeSync(dirFd);
  }
}

async function rawTables(url: string): Promise<Record<string, unknown[]>> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const out: Record<string, unknown[]> = {};
    for (const table of EDITORIAL_TABLES) {
      const present = await client.query<{ ok: boolean }>("select to_regclass($1) is not null as ok", [`"${table}"`]);
      if (!present.rows[0]?.ok) continue;
      const { rows } = await client.query<{ rows: unknown[] | null }>(
        `select json_agg(t) as rows from ${client.escapeIdentifier(table)} t`,
      );
      out[table] = rows[0]?.rows ?? [];
    }
    return out;
  } finally {
    await client.end();
  }
}

/**
 * Exports the editorial data of the database at `url` into the snapshot folder and rotates it.
 * Returns the file written, or null when `skipEmpty` found nothing to keep. When the export fails
 * (a database whose schema is older than this code, before a migration), the editorial tables are
 * dumped raw instead (`tables-…json`, restorable by hand), so a migration is never run unguarded.
 */
export async function takeSnapshot(url: string, reason: SnapshotReason, options: SnapshotOptions = {}) {
  const dir = options.dir ?? snapshotDir();
  const keep = options.keep ?? env.SNAPSHOT_KEEP;
  const log = options.log ?? (() => undefined);
  const stamp = new Date().toISOString().replace(/:/g, "-");
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });

  const prisma = createPrismaClient(url, 2);
  let file: string;
  try {
    const data = await exportCuration(prisma);
    if (options.skipEmpty && data.links.length === 0 && data.events.length === 0) {
      log(`No editorial data yet: no snapshot before this ${reason}.`);
      return null;
    }
    file = path.join(dir, `curation-${stamp}-${reason}.json`);
    writeDurably(file, `${JSON.stringify(data, null, 2)}\n`);
    log(`Snapshot of the editorial data (${data.links.length} links, ${data.events.length} events): ${file}`);
  } catch (error) {
    const tables = await rawTables(url);
    const rows = Object.values(tables).reduce((n, t) => n + t.length, 0);
    if (options.skipEmpty && rows === 0) return null;
    file = path.join(dir, `tables-${stamp}-${reason}.json`);
    writeDurably(file, `${JSON.stringify({ takenAt: new Date().toISOString(), reason, tables }, null, 2)}\n`);
    log(
      `The curation export failed (${(error as Error).message.split("\n")[0]}); ` +
        `dumped the editorial tables raw instead (${rows} rows): ${file}`,
    );
  } finally {
    await prisma.$disconnect();
  }
  const removed = rotateSnapshots(dir, keep);
  if (removed.length) log(`Removed ${removed.length} old snapshot(s), keeping the last ${keep}.`);
  return file;
}

/**
 * The daily snapshot while `npm start` serves: one at once when the newest is older than the
 * interval, then one every interval. In the supervising process, never per request; a failure is
 * logged and retried at the next tick, it never stops the app.
 */
export function scheduleSnapshots(
  url: string,
  options: { intervalMs?: number; log?: (m: string) => void; dir?: string } = {},
): () => void {
  const intervalMs = options.intervalMs ?? env.SNAPSHOT_INTERVAL_HOURS * 3_600_000;
  const log = options.log ?? (() => undefined);
  const dir = options.dir ?? snapshotDir();
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await takeSnapshot(url, "daily", { log, dir, skipEmpty: true });
    } catch (error) {
      log(`Snapshot failed (will retry in ${Math.round(intervalMs / 60_000)} min): ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  const last = latestSnapshotTime(dir);
  if (!last || Date.now() - last.getTime() >= intervalMs) void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
