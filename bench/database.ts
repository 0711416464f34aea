import pg from "pg";
import { deployMigrations } from "@/lib/db/migrations";

/** The Postgres server benchmarks create their databases on (never the app's own database). */
const benchServer = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function admin(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated database of its own on the server of `serverUrl` (any database there will do),
 * so figures and tests never depend on what another database holds; drop() removes it.
 */
export async function createScratchDatabase(label: string, serverUrl = benchServer): Promise<ScratchDatabase> {
  const name = `forge365_${label}_${Date.now()}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  await admin(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await deployMigrations(url.toString());
  return { name, url: url.toString(), drop: () => admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
