/**
 * Is the database there? The web server answers 503 instead of hanging or failing with a 500 when
 * it is not (stopped, frozen, refusing connections), and recovers by itself when it is back.
 *
 * Every query through the server's pool reports here (lib/db.ts): a success within the last second
 * means the database is up and costs nothing more; a failure that says "unreachable" marks it down.
 * Otherwise one bounded probe (`select 1`, shared by concurrent callers) decides, and a "down" is
 * believed for a second before the next probe, so an outage costs each request microseconds.
 */
import { env } from "../env";

/** How long a success or a failure is believed without asking the database again. */
const FRESH_MS = 1_000;
/** A probe that has not answered by then counts as "down": health must answer within 2 s. */
export const PROBE_TIMEOUT_MS = 1_500;

interface State {
  lastOk: number;
  lastDown: number;
  probe: Promise<boolean> | null;
}

const globalState = globalThis as unknown as { databaseAvailability?: State };
// The proxy and the routes are bundled apart but run in one process: they share this through globalThis.
const state = (globalState.databaseAvailability ??= { lastOk: 0, lastDown: 0, probe: null });

export function noteDatabaseSuccess(): void {
  state.lastOk = Date.now();
  state.lastDown = 0;
}

export function noteDatabaseFailure(error: unknown): void {
  if (!isDatabaseUnavailableError(error)) return;
  state.lastDown = Date.now();
  state.lastOk = 0;
}

/** Error codes of PostgreSQL (server going away, too busy, statement timeout) and of the Prisma client for "cannot reach". */
const UNAVAILABLE_CODES = new Set([
  // Prisma: cannot reach / timed out / closed / pool timeout / authentication.
  "P1000",
  "P1001",
  "P1002",
  "P1008",
  "P1011",
  "P1017",
  "P2024",
  // PostgreSQL: query canceled (statement_timeout), shutdown, cannot connect now, too many connections, connection exceptions.
  "57014",
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  // Node sockets.
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "ENOTFOUND",
]);

const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "AuthenticationFailed",
  "DatabaseDoesNotExist",
]);

const UNAVAILABLE_MESSAGES =
  /timeout expired|timeout exceeded when trying to connect|Connection terminated|Query read timeout|connection timeout|Can't reach database server|Server has closed the connection|Timed out fetching a new connection|canceling statement due to statement timeout|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|Client has encountered a connection error|Connection closed|database is unavailable/i;

/** Whether an error (or anything in its cause chain) says the database cannot be reached or answer in time. */
export function isDatabaseUnavailableError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown };
    if (current instanceof DatabaseUnavailableError) return true;
    if (typeof e.code === "string" && UNAVAILABLE_CODES.has(e.code)) return true;
    if (typeof e.originalCode === "string" && UNAVAILABLE_CODES.has(e.originalCode)) return true;
    if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
    if (typeof e.message === "string" && UNAVAILABLE_MESSAGES.test(e.message)) return true;
    current = e.cause;
  }
  return false;
}

export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
  constructor(message = "database is unavailable") {
    super(message);
  }
}

/** Resolves to the promise's value, or rejects with DatabaseUnavailableError after `ms`. */
export function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseUnavailableError(`no answer from the database within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** A failure that says "unreachable" was seen within the last second. */
export function databaseKnownDown(): boolean {
  return Date.now() - state.lastDown < FRESH_MS;
}

/**
 * Whether the database answers, decided as described above. `ping` runs the probe query (the
 * server's pool); it is passed in so that this module stays free of the Prisma client.
 */
export async function databaseAvailable(ping: () => Promise<unknown>): Promise<boolean> {
  const now = Date.now();
  if (now - state.lastOk < FRESH_MS) return true;
  if (now - state.lastDown < FRESH_MS) return false;
  state.probe ??= withDeadline(ping(), Math.min(PROBE_TIMEOUT_MS, env.DATABASE_CONNECT_TIMEOUT_MS + 500))
    .then(
      () => {
        noteDatabaseSuccess();
        return true;
      },
      (error: unknown) => {
        // A probe that fails for another reason (a bug, a permission) still means we cannot serve.
        state.lastDown = Date.now();
        state.lastOk = 0;
        if (!isDatabaseUnavailableError(error)) console.error("Database probe failed:", error);
        return false;
      },
    )
    .finally(() => {
      state.probe = null;
    });
  return state.probe;
}

/** Seconds a client should wait before retrying, for Retry-After. */
export const RETRY_AFTER_SECONDS = 5;

export const DATABASE_UNAVAILABLE_MESSAGE = "The database cannot be reached right now; retry in a few seconds.";
