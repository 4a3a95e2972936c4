import type { TestProject } from "vitest/node";
import { createTestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseEmbedded: boolean;
  }
}

export default async function setup(project: TestProject) {
  const db = await createTestDatabase("it");
  project.provide("databaseUrl", db.url);
  project.provide("databaseEmbedded", db.embedded);
  return () => db.dispose();
}
