import path from "node:path";

/**
 * The project root. npm runs every script and `next start` from it; resolving from the working
 * directory (rather than import.meta.url) also holds inside Next's server bundles.
 */
export const projectRoot = process.cwd();
export const migrationsDir = path.join(projectRoot, "prisma", "migrations");
export const schemaFile = path.join(projectRoot, "prisma", "schema.prisma");
export const corpusDir = path.join(projectRoot, "data", "corpus");
