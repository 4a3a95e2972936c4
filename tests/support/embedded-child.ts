/** A process that uses the embedded server the way the app does; driven by the supervisor test. */
import pg from "pg";
import { startEmbeddedPostgres } from "../../lib/infra/embedded-postgres";

const [rootDir, holdMs = "0", mode = "release"] = process.argv.slice(2);
const server = await startEmbeddedPostgres({ rootDir: rootDir! });
const client = new pg.Client({ connectionString: `${server.baseUrl}/postgres` });
await client.connect();
await client.query("select 1");
await client.end();
console.log(JSON.stringify({ port: server.port, dataDir: server.dataDir }));
await new Promise((r) => setTimeout(r, Number(holdMs)));
if (mode === "release") await server.release();
else await new Promise(() => undefined); // hold until killed
