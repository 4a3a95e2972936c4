/**
 * npm run editor:add -- <name>   create an editor who signs in at /login with this name.
 *
 * The password is asked for twice without echo on a terminal, or read from the first line of
 * stdin when it is piped:  printf '%s\n' "$PASSWORD" | npm run editor:add -- <name>
 * At least 10 characters, two kinds of characters (lower case, upper case, digits, others), not
 * containing the name. A name that exists (even disabled) is refused: names are never reused.
 */
import { createAuth } from "../lib/auth/config";
import { promptHidden, readPasswordFromStdin } from "../lib/auth/cli-input";
import { addEditor, EditorAccountError, findEditorByName } from "../lib/auth/editors";
import { editorNameProblem, passwordProblem } from "../lib/auth/names";
import { resolveAuthSecret } from "../lib/auth/secret";
import { env } from "../lib/env";
import { ensureDatabase } from "../lib/infra/database";
import { createPrismaClient } from "../lib/infra/prisma-client";
import { migrate } from "../lib/infra/migrate";

const name = process.argv[2];
if (!name || process.argv.length > 3) {
  console.error("Usage: npm run editor:add -- <name>   (the password is prompted for, or read from stdin)");
  process.exit(2);
}
const nameProblem = editorNameProblem(name);
if (nameProblem) {
  console.error(nameProblem);
  process.exit(2);
}

async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readPasswordFromStdin();
  for (let attempt = 1; ; attempt++) {
    const password = await promptHidden(`Password for ${name}: `);
    const problem = passwordProblem(password, name!);
    const repeated = problem ? null : await promptHidden("Repeat the password: ");
    if (!problem && repeated === password) return password;
    if (attempt === 3) throw new EditorAccountError(problem ?? "The passwords differ.");
    console.error(problem ?? "The passwords differ. Try again.");
  }
}

const db = await ensureDatabase({ log: (m) => console.error(`[editor:add] ${m}`) });
const prisma = createPrismaClient(db.url, 2);
try {
  await migrate(db, (m) => console.error(`[editor:add] ${m}`));
  const existing = await findEditorByName(prisma, name);
  if (existing) {
    throw new EditorAccountError(
      `An editor named "${existing.name}" already exists${existing.disabled ? " (disabled; names are never reused)" : ""}.`,
    );
  }
  const password = await askPassword();
  const auth = createAuth(prisma, { secret: resolveAuthSecret(), publicUrl: env.PUBLIC_URL });
  const editor = await addEditor(auth, prisma, { name, password });
  console.log(`Added editor "${editor.name}". They can sign in at /login.`);
} catch (error) {
  console.error(error instanceof EditorAccountError ? error.message : error);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
  await db.release();
}
