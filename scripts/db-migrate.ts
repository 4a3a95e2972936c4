/** npm run db:migrate — applies pending migrations to DATABASE_URL or the embedded server. */
import { ensureDatabase } from "../lib/infra/database";
import { migrate } from "../lib/infra/migrate";

const db = await ensureDatabase({ log: console.log });
try {
  const applied = await migrate(db, console.log);
  console.log(
    applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.",
  );
} catch (error) {
  console.error(`Migration failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.release();
}
