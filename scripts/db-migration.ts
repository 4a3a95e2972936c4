/**
 * npm run db:migration -- <name> — writes prisma/migrations/<UTC timestamp>_<name>/migration.sql with
 * the SQL that takes the existing migrations to the current schema.prisma. Review it, and hand-edit
 * what Prisma cannot express (generated tsvector columns, extensions).
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ensureDatabase } from "../lib/infra/database";
import { migrationsDir } from "../lib/infra/paths";
import { diffSchemaAgainstMigrations } from "../lib/infra/schema-engine";

const name = z
  .string({ error: "Usage: npm run db:migration -- <name>" })
  .regex(/^[a-z0-9_]+$/, "The name may hold only a-z, 0-9 and _")
  .safeParse(process.argv[2]);
if (!name.success) {
  console.error(name.error.issues[0]?.message);
  process.exit(2);
}

const db = await ensureDatabase({ log: console.log });
try {
  const sql = await diffSchemaAgainstMigrations(db.url);
  if (!sql) {
    console.log("No changes: schema.prisma matches the migrations.");
  } else {
    const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name.data}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await db.release();
}
