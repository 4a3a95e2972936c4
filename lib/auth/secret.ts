/**
 * The secret Better Auth signs session cookies with: AUTH_SECRET when set, else one generated on
 * first use and kept in .data/auth-secret (mode 600) so that sessions survive a restart. Losing
 * the file signs every editor out (their passwords are unaffected); several instances behind one
 * address must share the secret, so they need AUTH_SECRET (or the same file).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "../env";
import { projectRoot } from "../infra/paths";

export const authSecretFile = path.join(projectRoot, ".data", "auth-secret");

const MIN_LENGTH = 32;

export function resolveAuthSecret(file: string = authSecretFile): string {
  return env.AUTH_SECRET ?? readOrCreateSecretFile(file);
}

export function readOrCreateSecretFile(file: string): string {
  const existing = readSecretFile(file);
  if (existing) return existing;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written whole under a temporary name, then linked into place: link fails when another
  // process got there first, and nobody ever reads a half-written file.
  const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
  fs.writeFileSync(temporary, `${crypto.randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  try {
    fs.linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  const secret = readSecretFile(file);
  if (!secret) throw new Error(`Could not create the auth secret file ${file}.`);
  return secret;
}

function readSecretFile(file: string): string | null {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const secret = text.trim();
  if (secret.length < MIN_LENGTH) {
    throw new Error(
      `The auth secret in ${file} is shorter than ${MIN_LENGTH} characters: delete the file to have a new one generated (this signs every editor out), or set AUTH_SECRET.`,
    );
  }
  return secret;
}
