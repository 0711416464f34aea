import pg from "pg";
import { deployMigrations } from "@/lib/db/migrations";

/** The Postgres server benchmarks create their databases on (never the app's own database). */
const serverUrl = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database of its own, so figures never depend on what a developer's database holds. */
export async function createBenchDatabase(label: string): Promise<BenchDatabase> {
  const name = `forge365_bench_${Date.now()}_${label}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await deployMigrations(url.toString());
  return { name, url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
