import fs from "node:fs";
import path from "node:path";
import { migrationsDir } from "./paths";

/** Migration folder names (Prisma's format: <timestamp>_<name>/migration.sql), oldest first. */
export function listMigrationFolders(): string[] {
  if (!fs.existsSync(migrationsDir)) return [];
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(migrationsDir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}
