import { env, setEnv } from "@/lib/env";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded";

/**
 * The Postgres every entry point uses: DATABASE_URL when set, otherwise the embedded database,
 * whose URL is then put into DATABASE_URL so child processes (Next, the worker) share it.
 */
export async function ensureDatabaseUrl(): Promise<{ url: string; embedded: EmbeddedDatabase | null }> {
  const configured = env().DATABASE_URL;
  if (configured) return { url: configured, embedded: null };
  const embedded = await startEmbeddedDatabase();
  setEnv({ DATABASE_URL: embedded.url, FORGE365_EMBEDDED_DB: "1" });
  return { url: embedded.url, embedded };
}
