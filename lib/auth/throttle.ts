/**
 * Failed sign-ins slow down further attempts on the same name, from any address (Better Auth's
 * own limiter counts per client address, which a client can vary). Every attempt is counted
 * before the password is checked, in one locked row per name, so parallel guesses cannot slip
 * through together; a successful sign-in clears the count. Names nobody has are counted too,
 * so the answer never tells whether an editor exists.
 */
import type { PrismaClient } from "../infra/prisma-client";

/** Attempts allowed in a row before any wait. */
export const FREE_ATTEMPTS = 5;
/** The longest wait between attempts, however many failed. */
export const MAX_DELAY_SECONDS = 300;
/** A name's count starts over this long after its last failure. */
export const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
}

export type ThrottleDecision = { allowed: true; failures: number } | { allowed: false; retryAfterSeconds: number };

/** Seconds to wait after `failures` failed attempts: none for the first few, then doubling, capped. */
export function delaySeconds(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(2 ** (failures - FREE_ATTEMPTS + 1), MAX_DELAY_SECONDS);
}

/** Whether an attempt may go ahead now, and the count it makes (it counts as failed until it succeeds). */
export function decideAttempt(state: ThrottleState | null, now: Date): ThrottleDecision {
  const since = state ? now.getTime() - state.lastFailureAt.getTime() : Infinity;
  const failures = state && since < FORGET_AFTER_MS ? state.failures : 0;
  const delay = delaySeconds(failures);
  const wait = delay * 1000 - since;
  if (delay > 0 && wait > 0) return { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) };
  return { allowed: true, failures: failures + 1 };
}

/** Counts an attempt on `username` (normalised) if it may go ahead now. */
export async function claimSignInAttempt(prisma: PrismaClient, username: string): Promise<ThrottleDecision> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`
      insert into "SignInThrottle" (username, failures, "lastFailureAt")
      values (${username}, 0, to_timestamp(0)) on conflict (username) do nothing`;
    const rows = await tx.$queryRaw<ThrottleState[]>`
      select failures, "lastFailureAt" from "SignInThrottle" where username = ${username} for update`;
    // The time is taken once the row is locked: an attempt that waited for the lock must not
    // compare an earlier clock reading with the failure just recorded by the one before it.
    const now = new Date();
    const decision = decideAttempt(rows[0]?.failures ? rows[0] : null, now);
    if (decision.allowed) {
      await tx.$executeRaw`
        update "SignInThrottle" set failures = ${decision.failures}, "lastFailureAt" = ${now}
        where username = ${username}`;
    }
    return decision;
  });
}

/** A successful sign-in: the name starts over. Also drops counts nobody has added to for a day. */
export async function clearSignInFailures(prisma: PrismaClient, username: string, now: Date = new Date()) {
  const forgotten = new Date(now.getTime() - FORGET_AFTER_MS);
  await prisma.$executeRaw`
    delete from "SignInThrottle" where username = ${username} or "lastFailureAt" < ${forgotten}`;
}
