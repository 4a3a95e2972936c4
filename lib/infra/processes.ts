import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { childEnv, env } from "../env";
import { isBuildCurrent, sourceStamp, writeBuildStamp } from "./build-stamp";
import { projectRoot } from "./paths";

export const bin = (name: string) => path.join(projectRoot, "node_modules", ".bin", name);

/** Runs a command to completion with inherited output; rejects on a non-zero exit. */
export function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, stdio: "inherit", env });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(command)} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

/**
 * Runs a long-lived child (the Next server) and ties our lifetime to it: SIGINT/SIGTERM are passed
 * on, and `cleanup` (releasing the embedded database) runs before we exit with the child's status.
 */
export function superviseChild(child: ChildProcess, cleanup: () => Promise<void>): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    child.kill(signal);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGHUP", () => stop("SIGTERM"));
  child.on("exit", (code, signal) => {
    void cleanup()
      .catch((error: Error) => console.error(`Cleanup failed: ${error.message}`))
      .finally(() => process.exit(code ?? (signal ? 0 : 1)));
  });
}

/** Runs `next build` unless the existing build was made from the current sources. */
export async function ensureBuild(log: (m: string) => void): Promise<void> {
  const stamp = sourceStamp();
  if (isBuildCurrent(stamp)) {
    log("Build is current.");
    return;
  }
  log("Building the app (next build) …");
  await runCommand(bin("next"), ["build"], childEnv({ NEXT_TELEMETRY_DISABLED: "1" }));
  writeBuildStamp(stamp);
}

interface NextOptions {
  mode: "start" | "dev";
  port: string;
  host?: string;
  databaseUrl: string;
  embedded: boolean;
  /** More environment for the server (benchmarks compare settings, e.g. READ_CACHE_MB=0). */
  env?: Record<string, string>;
}

/**
 * Starts the production server (scripts/serve.ts: Next's handler with our timeouts and headers),
 * or `next dev`, on a database; the caller owns the child.
 */
export function startNext(options: NextOptions, stdio: "inherit" | "ignore" = "inherit"): ChildProcess {
  const dev = options.mode === "dev";
  const [command, args] = dev
    ? [bin("next"), ["dev", "-p", options.port, ...(options.host ? ["-H", options.host] : [])]]
    : [process.execPath, ["--import", "tsx", "scripts/serve.ts"]];
  return spawn(command, args, {
    cwd: projectRoot,
    stdio,
    env: childEnv({
      DATABASE_URL: options.databaseUrl,
      APP_DATABASE_EMBEDDED: options.embedded ? "1" : "0",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: options.port,
      HOST: options.host ?? env.HOST,
      // `next start` sets it itself; Next's programmatic server expects it set.
      ...(dev ? {} : { NODE_ENV: "production" }),
      // A search of 2,000 Chinese characters is an 18 kB URL (9 bytes a character, encoded):
      // more than Node's default 16 kB of request head, which it refuses with 431 (`next dev`;
      // the production server sets its own limit).
      NODE_OPTIONS: [env.NODE_OPTIONS, "--max-http-header-size=65536"].filter(Boolean).join(" "),
      ...options.env,
    }),
  });
}

/** Serves the app until a signal stops it, then runs cleanup (releasing the embedded database). */
export function serveNext(options: NextOptions & { cleanup: () => Promise<void> }): void {
  superviseChild(startNext(options), options.cleanup);
}
