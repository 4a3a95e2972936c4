/**
 * `prisma generate` offline: the CLI wants a schema-engine binary path even though generating the
 * Rust-free client never runs it, and must not phone home.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { childEnv } from "../lib/env";
import { projectRoot } from "../lib/infra/paths";

const engineStub = ["/bin/true", "/usr/bin/true"].find((p) => fs.existsSync(p)) ?? process.execPath;
const result = spawnSync(path.join(projectRoot, "node_modules", ".bin", "prisma"), ["generate"], {
  cwd: projectRoot,
  stdio: "inherit",
  env: childEnv({ PRISMA_SCHEMA_ENGINE_BINARY: engineStub, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" }),
});
process.exit(result.status ?? 1);
