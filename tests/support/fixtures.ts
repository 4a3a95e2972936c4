import fs from "node:fs";
import path from "node:path";

export const fixture = (name: string) =>
  fs.readFileSync(path.join(import.meta.dirname, "..", "fixtures", name), "utf8");
