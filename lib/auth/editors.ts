/**
 * Creating and disabling editors: what `npm run editor:add` / `editor:disable` do, through Better
 * Auth's own user, account and session operations (its password hashing, its id generation, the
 * username plugin's normalisation). Public sign-up is off; this is the only way an editor is made.
 */
import crypto from "node:crypto";
import type { PrismaClient } from "../infra/prisma-client";
import type { Auth } from "./config";
import { displayEditorName, editorNameProblem, normalizeEditorName, passwordProblem } from "./names";

export class EditorAccountError extends Error {
  override name = "EditorAccountError";
}

export interface EditorSummary {
  id: string;
  name: string;
  disabled: boolean;
}

export async function findEditorByName(prisma: PrismaClient, name: string): Promise<EditorSummary | null> {
  const row = await prisma.editor.findUnique({
    where: { username: normalizeEditorName(name) },
    select: { id: true, name: true, displayUsername: true, disabled: true },
  });
  return row ? { id: row.id, name: row.displayUsername || row.name, disabled: row.disabled } : null;
}

/** Creates an editor who can sign in with `password`. Refuses a taken name (disabled editors keep theirs). */
export async function addEditor(
  auth: Auth,
  prisma: PrismaClient,
  input: { name: string; password: string },
): Promise<EditorSummary> {
  const nameProblem = editorNameProblem(input.name);
  if (nameProblem) throw new EditorAccountError(nameProblem);
  const weak = passwordProblem(input.password, input.name);
  if (weak) throw new EditorAccountError(weak);
  const existing = await findEditorByName(prisma, input.name);
  if (existing) {
    throw new EditorAccountError(
      existing.disabled
        ? `An editor named "${existing.name}" exists and is disabled; names are never reused, so their history stays theirs. Choose another name.`
        : `An editor named "${existing.name}" already exists.`,
    );
  }
  const ctx = await auth.$context;
  const name = displayEditorName(input.name);
  const hash = await ctx.password.hash(input.password);
  const user = await ctx.internalAdapter.createUser(
    {
      name,
      // Better Auth requires a unique email; editors have none (.invalid is reserved, RFC 2606).
      email: `editor-${crypto.randomUUID()}@editors.invalid`,
      emailVerified: false,
      username: name,
      displayUsername: name,
    },
    { method: "admin" },
  );
  try {
    await ctx.internalAdapter.linkAccount({
      userId: user.id,
      providerId: "credential",
      accountId: user.id,
      password: hash,
    });
  } catch (error) {
    // No half-made editor: one without a credential could never sign in but would hold the name.
    await ctx.internalAdapter.deleteUser(user.id);
    throw error;
  }
  return { id: user.id, name, disabled: false };
}

/**
 * Disables an editor: they cannot sign in any more and every session of theirs ends now. The
 * account and its name stay, for the history that records them. Disabling twice is harmless.
 */
export async function disableEditor(
  auth: Auth,
  prisma: PrismaClient,
  name: string,
): Promise<EditorSummary & { sessionsEnded: number }> {
  const editor = await findEditorByName(prisma, name);
  if (!editor) throw new EditorAccountError(`No editor is named "${displayEditorName(name)}".`);
  const ctx = await auth.$context;
  await prisma.editor.update({ where: { id: editor.id }, data: { disabled: true } });
  const sessionsEnded = await prisma.editorSession.count({ where: { userId: editor.id } });
  await ctx.internalAdapter.deleteUserSessions(editor.id);
  return { ...editor, disabled: true, sessionsEnded };
}
