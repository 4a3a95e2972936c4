import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "./paths";

/** Everything that changes what `next build` produces. */
const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "prisma/schema.prisma",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];
const SKIP = new Set(["generated", "node_modules", ".next"]);
const STAMP = path.join(projectRoot, ".next", "source-stamp");

function walk(target: string, hash: crypto.Hash): void {
  if (!fs.existsSync(target)) return;
  const stat = fs.statSync(target);
  if (stat.isDirectory()) {
    for (const entry of fs.readdirSync(target).sort()) {
      if (!SKIP.has(entry)) walk(path.join(target, entry), hash);
    }
  } else {
    hash.update(path.relative(projectRoot, target));
    hash.update(fs.readFileSync(target));
  }
}

export function sourceStamp(): string {
  const hash = crypto.createHash("sha256");
  for (const input of INPUTS) walk(path.join(projectRoot, input), hash);
  return hash.digest("hex");
}

export function isBuildCurrent(stamp = sourceStamp()): boolean {
  return (
    fs.existsSync(path.join(projectRoot, ".next", "BUILD_ID")) &&
    fs.existsSync(STAMP) &&
    fs.readFileSync(STAMP, "utf8") === stamp
  );
}

export function writeBuildStamp(stamp: string): void {
  fs.writeFileSync(STAMP, stamp);
}
