import type { TestProject } from "vitest/node";
import { runIngest } from "../../lib/ingest/run";
import { runLinker } from "../../lib/data/link-run";
import { createTestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseEmbedded: boolean;
  }
}

export default async function setup(project: TestProject) {
  const db = await createTestDatabase("it");
  // The shared database holds the real corpus, as the app would; tests that change data make their own.
  await runIngest({ url: db.url });
  await runLinker({ url: db.url });
  project.provide("databaseUrl", db.url);
  project.provide("databaseEmbedded", db.embedded);
  return () => db.dispose();
}
