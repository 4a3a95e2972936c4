/**
 * Prisma's own schema engine, compiled to wasm, driven through the pg driver adapter.
 * It applies `prisma/migrations` exactly as `prisma migrate deploy` would (same `_prisma_migrations`
 * table and checksums) and diffs the schema for new migrations, without the native engine binary
 * that cannot be downloaded here.
 */
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { databaseName, withDatabase } from "./database";
import { listMigrationFolders } from "./migration-folders";
import { migrationsDir, projectRoot, schemaFile } from "./paths";

const require = createRequire(import.meta.url);
const CHAR_OID = 18;
const TEXT_OID = 25;

type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

let bindings: Promise<Bindings> | null = null;

/** Instantiates the wasm module without --experimental-wasm-modules. */
function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as Bindings & Record<string, unknown>;
    const wasmPath = path.join(
      path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
      "schema_engine_bg.wasm",
    );
    const imports: Record<string, unknown> = { ...glue };
    // The engine arms 10 s timers (pool idle checks); unref'd, they no longer keep a finished command alive.
    for (const key of Object.keys(imports)) {
      if (key.startsWith("__wbg_setTimeout_")) {
        imports[key] = (fn: () => void, ms: number) => {
          const t = setTimeout(fn, ms >>> 0);
          t.unref();
          return t;
        };
      }
    }
    const globals = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown };
    let panicMessage: string | undefined;
    globals.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m: string) => (panicMessage = m), get: () => panicMessage };
    const wasmModule = new WebAssembly.Module(fs.readFileSync(wasmPath));
    const instance = new WebAssembly.Instance(wasmModule, {
      "./schema_engine_bg.js": imports as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return glue;
  })();
  return bindings;
}

/**
 * The pg adapter does not know Postgres's internal one-byte `"char"` type, which the engine meets
 * when it describes a schema (pg_class.relkind …). We read such columns as text and report them to
 * the engine as Character.
 */
function withCharColumns(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const pool = (adapter as { underlyingDriver?: () => unknown }).underlyingDriver?.() as pg.Pool | undefined;
  if (!pool) return adapter;
  let lastCharColumns: number[] = [];
  const query = pool.query.bind(pool) as (config: pg.QueryConfig) => Promise<pg.QueryResult>;
  (pool as unknown as { query: unknown }).query = async (config: pg.QueryConfig) => {
    const result = await query(config);
    lastCharColumns = [];
    result.fields?.forEach((f, i) => {
      if (f.dataTypeID === CHAR_OID) {
        f.dataTypeID = TEXT_OID;
        lastCharColumns.push(i);
      }
    });
    return result;
  };
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (q: SqlQuery): Promise<SqlResultSet> => {
    const result = await queryRaw(q);
    for (const i of lastCharColumns) result.columnTypes[i] = ColumnTypeEnum.Character;
    lastCharColumns = [];
    return result;
  };
  return adapter;
}

/** A driver-adapter factory whose shadow database is a real, separate database that is always dropped. */
function adapterFactory(url: string): SqlMigrationAwareDriverAdapterFactory & { disposeAll(): Promise<void> } {
  const u = new URL(url);
  const config: pg.PoolConfig = {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || "postgres"),
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: databaseName(url),
    max: 2,
  };
  const main = new PrismaPg(config);
  const opened: SqlDriverAdapter[] = [];
  return {
    provider: "postgres",
    adapterName: main.adapterName,
    // The engine does not close its connections when freed; a connection left open keeps Prisma's
    // migration advisory lock, and the next apply in this process would wait 10 s for it.
    disposeAll: async () => {
      await Promise.all(opened.splice(0).map((a) => a.dispose().catch(() => undefined)));
    },
    connect: async () => {
      const adapter = withCharColumns(await main.connect());
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const name = `prisma_migrate_shadow_db_${crypto.randomUUID().replace(/-/g, "")}`;
      const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
      await admin.connect();
      await admin.query(`create database "${name}"`);
      const shadow = withCharColumns(await new PrismaPg({ ...config, database: name }).connect());
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await admin.query(`drop database if exists "${name}" with (force)`);
        await admin.end();
      };
      return shadow;
    },
  };
}

async function withEngine<T>(url: string, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const glue = await loadBindings();
  const adapters = adapterFactory(url);
  const factory = bindMigrationAwareSqlAdapterFactory(adapters);
  const schema = fs.readFileSync(schemaFile, "utf8");
  const engine = await glue.SchemaEngine.new(
    { datamodels: [[path.relative(projectRoot, schemaFile), schema]] },
    () => undefined,
    factory,
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await adapters.disposeAll();
  }
}

function migrationList(): MigrationList {
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: listMigrationFolders().map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

const noFilter = { externalTables: [], externalEnums: [] };

/** Applies pending migrations; returns the names applied now. */
export async function applyMigrations(url: string): Promise<string[]> {
  return withEngine(url, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: migrationList(), filters: noFilter });
    return out.appliedMigrationNames;
  });
}

/** SQL that takes the database built by the existing migrations to the current schema.prisma ("" when none). */
export async function diffSchemaAgainstMigrations(url: string): Promise<string> {
  return withEngine(url, async (engine) => {
    const result = await engine.diff({
      from: { tag: "migrations", ...migrationList() },
      to: {
        tag: "schemaDatamodel",
        files: [{ path: path.relative(projectRoot, schemaFile), content: fs.readFileSync(schemaFile, "utf8") }],
      },
      script: true,
      exitCode: null,
      filters: noFilter,
    });
    const sql = result.stdout ?? "";
    return /^\s*(-- This is an empty migration\.)?\s*$/.test(sql) ? "" : sql;
  });
}
