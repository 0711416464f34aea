import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { env } from "@/lib/env";
import { projectRoot } from "./paths";

/**
 * Prisma's migration engine, compiled to WebAssembly, driving our Postgres through adapter-pg.
 * The Prisma CLI would download a native engine for this; the WASM build ships on npm, so
 * migrations work offline and still write Prisma's own folder layout and `_prisma_migrations`.
 */
type Engine = import("@prisma/schema-engine-wasm").SchemaEngine;
type MigrationList = import("@prisma/schema-engine-wasm").MigrationList;

export const schemaPath = path.join(projectRoot, "prisma", "schema.prisma");
export const migrationsDir = path.join(projectRoot, "prisma", "migrations");
const noFilter = { externalTables: [], externalEnums: [] };

/** Postgres's one-byte "char" (oid 18) in pg_catalog is unknown to adapter-pg; it is text to us. */
class CatalogFriendlyClient extends pg.Client {
  // pg's query has many overloads (promise or callback); we only retype the result's fields.
  override query(...args: any[]): any {
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last] as (error: Error | null, result?: pg.QueryResult) => void;
      args[last] = (error: Error | null, result?: pg.QueryResult) => callback(error, result && asText(result));
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    return result instanceof Promise ? result.then(asText) : result;
  }
}

function asText(result: pg.QueryResult) {
  for (const field of result?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
  return result;
}

/** adapter-pg builds its shadow database by overriding `database`, which a URL string would mask. */
function poolConfig(url: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || "postgres"),
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.slice(1) || "postgres"),
    max: 1,
    Client: CatalogFriendlyClient,
  } as pg.PoolConfig;
}

/**
 * adapter-pg's own shadow database is dropped while its pool still holds a connection, which
 * Postgres refuses; this one closes the pool first. SHADOW_DATABASE_URL, when set, is used as is.
 */
class MigrationAdapterFactory extends PrismaPg {
  constructor(private readonly url: string) {
    super(poolConfig(url));
  }

  override async connectToShadowDb() {
    const configured = env().SHADOW_DATABASE_URL;
    if (configured) return new PrismaPg(poolConfig(configured)).connect();
    const name = `forge365_shadow_${randomUUID().replaceAll("-", "")}`;
    await this.admin(`CREATE DATABASE "${name}"`);
    const shadow = await new PrismaPg({ ...poolConfig(this.url), database: name }).connect();
    const release = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await release();
      await this.admin(`DROP DATABASE IF EXISTS "${name}"`);
    };
    return shadow;
  }

  private async admin(sql: string) {
    const client = new pg.Client(poolConfig(this.url));
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}

async function loadWasmModule() {
  const require = createRequire(import.meta.url);
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = await import(bgPath);
  const bytes = fs.readFileSync(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg as typeof import("@prisma/schema-engine-wasm");
}

let wasmModule: Promise<typeof import("@prisma/schema-engine-wasm")> | undefined;

export async function openEngine(url: string, log: (line: string) => void = () => {}): Promise<Engine> {
  wasmModule ??= loadWasmModule();
  const { SchemaEngine } = await wasmModule;
  const schema = fs.readFileSync(schemaPath, "utf8");
  const adapter = bindMigrationAwareSqlAdapterFactory(new MigrationAdapterFactory(url));
  return SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, log, adapter);
}

export function readMigrations(): MigrationList {
  fs.mkdirSync(migrationsDir, { recursive: true });
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const directories = fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: directories.map((name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file)
            ? { tag: "ok" as const, value: fs.readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `${file} is missing` },
        },
      };
    }),
  };
}

/** Applies every pending migration; returns the names it applied. */
export async function deployMigrations(url: string): Promise<string[]> {
  const engine = await openEngine(url);
  try {
    const result = await engine.applyMigrations({ migrationsList: readMigrations(), filters: noFilter });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

export async function createMigration(url: string, name: string) {
  const engine = await openEngine(url);
  try {
    const migrationsList = readMigrations();
    // Applied first: on a database without them, the diagnostic asks for a shadow database through a
    // path the WebAssembly engine does not offer, and fails.
    await engine.applyMigrations({ migrationsList, filters: noFilter });
    const diagnostic = await engine.devDiagnostic({ migrationsList, filters: noFilter });
    if (diagnostic.action.tag === "reset") {
      throw new Error(`The database needs a reset before a new migration: ${diagnostic.action.reason}`);
    }
    const schema = fs.readFileSync(schemaPath, "utf8");
    const created = await engine.createMigration({
      draft: false,
      migrationName: name,
      migrationsList,
      schema: { files: [{ path: schemaPath, content: schema }] },
      filters: noFilter,
    });
    if (created.migrationScript === null) return null;
    const dir = path.join(migrationsDir, created.generatedMigrationName);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `migration.${created.extension}`), created.migrationScript);
    const lockPath = path.join(migrationsDir, "migration_lock.toml");
    if (!fs.existsSync(lockPath)) {
      fs.writeFileSync(
        lockPath,
        '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
      );
    }
    await engine.applyMigrations({ migrationsList: readMigrations(), filters: noFilter });
    return created.generatedMigrationName;
  } finally {
    engine.free();
  }
}

/**
 * `checkSchema` compares the migrations with the schema file; it replays them in a throwaway
 * database, which the embedded server (a single database) cannot provide.
 */
export async function migrationStatus(url: string, { checkSchema }: { checkSchema: boolean }) {
  const engine = await openEngine(url);
  try {
    const migrationsList = readMigrations();
    const history = await engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: noFilter,
    });
    if (!checkSchema) return { history, schemaChangesWithoutMigration: null };
    const drift = await engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: fs.readFileSync(schemaPath, "utf8") }] },
      script: true,
      exitCode: true,
      filters: noFilter,
    });
    return { history, schemaChangesWithoutMigration: drift.exitCode === 2 ? (drift.stdout ?? "") : null };
  } finally {
    engine.free();
  }
}
