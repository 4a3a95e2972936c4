import { inject } from "vitest";

// Modules under test read DATABASE_URL through lib/env.ts, which parses process.env on import:
// point it at this run's database before any of them loads.
process.env.DATABASE_URL = inject("databaseUrl");
