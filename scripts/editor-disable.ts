/**
 * npm run editor:disable -- <name>   the editor can no longer sign in, and their sessions end now.
 * The account stays (disabled), so the history of links keeps naming who decided what.
 */
import { createAuth } from "../lib/auth/config";
import { disableEditor, EditorAccountError } from "../lib/auth/editors";
import { resolveAuthSecret } from "../lib/auth/secret";
import { env } from "../lib/env";
import { ensureDatabase } from "../lib/infra/database";
import { createPrismaClient } from "../lib/infra/prisma-client";
import { migrate } from "../lib/infra/migrate";

const name = process.argv[2];
if (!name || process.argv.length > 3) {
  console.error("Usage: npm run editor:disable -- <name>");
  process.exit(2);
}

const db = await ensureDatabase({ log: (m) => console.error(`[editor:disable] ${m}`) });
const prisma = createPrismaClient(db.url, 2);
try {
  await migrate(db, (m) => console.error(`[editor:disable] ${m}`));
  const auth = createAuth(prisma, { secret: resolveAuthSecret(), publicUrl: env.PUBLIC_URL });
  const editor = await disableEditor(auth, prisma, name);
  console.log(`Disabled editor "${editor.name}"; ended ${editor.sessionsEnded} session(s).`);
} catch (error) {
  console.error(error instanceof EditorAccountError ? error.message : error);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
  await db.release();
}
