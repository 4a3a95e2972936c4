/**
 * npx tsx scripts/api-examples.ts [--origin=URL] — writes lib/api/examples.json: for every endpoint of the OpenAPI
 * document, the parameters and body of an example request and the response the server gave it
 * (arrays cut to their first two items, long strings to 160 characters, so the docs stay short). The
 * production server runs on a free port on 127.0.0.1 against the embedded database with the corpus
 * (or --origin=http://127.0.0.1:3000 asks a server already running). The ids come from the API.
 * Writes (editors only) are not sent: their example response is what the GET of the same resource
 * answers, which has the same schema. Each example is checked against the endpoint's zod schemas
 * before it is written (and again by tests/unit/api-examples.test.ts).
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { runLinker } from "../lib/data/link-run";
import { withServer } from "../lib/infra/bench";
import { ensureDatabase } from "../lib/infra/database";
import { migrate } from "../lib/infra/migrate";
import { projectRoot } from "../lib/infra/paths";
import { ensureBuild } from "../lib/infra/processes";
import { ensureCorpusLoaded } from "../lib/ingest/run";
import { endpoints, exampleKey, examplePath, type ApiExample } from "../lib/api/openapi";

const OUT = path.join(projectRoot, "lib", "api", "examples.json");
const log = (m: string) => console.error(`[api-examples] ${m}`);

type Request = Omit<ApiExample, "response"> & {
  /** For a write: the GET (path and parameters) whose answer stands for the write's. */
  readAs?: { path: string; params: ApiExample["params"] };
};

const { values: args } = parseArgs({ options: { origin: { type: "string" } } });

if (args.origin) {
  await writeExamples(new URL(args.origin).origin);
} else {
  const db = await ensureDatabase({ log });
  try {
    await migrate(db, log);
    await ensureCorpusLoaded(db.url, log);
    await runLinker({ url: db.url, log });
    await ensureBuild(log);
    await withServer(db.appUrl, writeExamples);
  } finally {
    await db.release();
  }
}

async function writeExamples(origin: string) {
  const requests = await chooseRequests(origin);
  const out: Record<string, ApiExample> = {};
  for (const e of endpoints) {
    const key = exampleKey(e.method ?? "get", e.path);
    const req = requests[key];
    if (!req) throw new Error(`no example request for ${key}`);
    const url = req.readAs ? examplePath(req.readAs.path, req.readAs.params) : examplePath(e.path, req.params);
    const response = trim(await getJson(origin, url));
    const checked = e.response.safeParse(response);
    if (!checked.success) throw new Error(`${key}: the trimmed response does not fit its schema: ${checked.error}`);
    out[key] = { params: req.params, ...(req.body === undefined ? {} : { body: req.body }), response };
    log(`${key}: ${url}`);
  }
  fs.writeFileSync(OUT, `${JSON.stringify(out, null, 2)}\n`);
  log(`wrote ${path.relative(projectRoot, OUT)}`);
}

async function getJson(origin: string, url: string): Promise<unknown> {
  const res = await fetch(`${origin}${url}`);
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  return res.json();
}

/** Real ids, found through the API itself: the first speech with a link and a topic, that link, its node. */
async function chooseRequests(origin: string): Promise<Record<string, Request>> {
  const speeches = (await getJson(origin, "/api/v1/documents?kind=speech&pageSize=100")) as {
    items: { id: string; speakers: { personId: string }[] }[];
  };
  for (const speech of speeches.items) {
    const id = speech.id;
    const links = (await getJson(origin, examplePath("/api/v1/documents/{id}/links", { id }))) as {
      items: { id: string; planPath: string }[];
    };
    const topics = (await getJson(origin, examplePath("/api/v1/documents/{id}/topics", { id }))) as {
      items: { slug: string }[];
    };
    const link = links.items[0];
    const topic = topics.items[0]?.slug;
    const person = speech.speakers[0]?.personId;
    if (!link || !topic || !person) continue;
    const note = "与规划该节的目标一致";
    return {
      "GET /api/v1/documents": { params: { kind: "speech", pageSize: 2 } },
      "GET /api/v1/documents/{id}": { params: { id } },
      "GET /api/v1/plan": { params: {} },
      "GET /api/v1/plan/nodes/{path}": { params: { path: link.planPath } },
      "GET /api/v1/plan/targets": { params: { kind: "target" } },
      "GET /api/v1/people/{id}": { params: { id: person } },
      "GET /api/v1/search": { params: { q: "碳达峰", kind: "speech", pageSize: 2 } },
      "GET /api/v1/suggest": { params: { q: "文化" } },
      "GET /api/v1/documents/{id}/links": { params: { id } },
      "GET /api/v1/plan/nodes/{path}/links": { params: { path: link.planPath, descendants: false } },
      "GET /api/v1/links/{id}": { params: { id: link.id } },
      "PATCH /api/v1/links/{id}": {
        params: { id: link.id },
        body: { status: "confirmed", note },
        readAs: { path: "/api/v1/links/{id}", params: { id: link.id } },
      },
      "POST /api/v1/links": {
        params: {},
        body: { documentId: id, planPath: link.planPath, note },
        readAs: { path: "/api/v1/links/{id}", params: { id: link.id } },
      },
      "GET /api/v1/coverage": { params: { kind: "speech" } },
      "GET /api/v1/topics": { params: {} },
      "GET /api/v1/topics/{slug}": { params: { slug: topic } },
      "GET /api/v1/documents/{id}/topics": { params: { id } },
      "POST /api/v1/documents/{id}/topics": {
        params: { id },
        body: { topic, action: "add", note: "编辑确认" },
        readAs: { path: "/api/v1/documents/{id}/topics", params: { id } },
      },
    };
  }
  throw new Error("no speech has a link, a topic and a speaker: run the linker first");
}

/** Arrays to their first two items, long strings to 160 characters: an example, not a dump. */
function trim(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice(0, 2).map(trim);
  if (typeof value === "string") return value.length > 160 ? `${value.slice(0, 159)}…` : value;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trim(v)]));
  }
  return value;
}
