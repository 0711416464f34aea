import { ensureDatabaseUrl } from "@/lib/db/database-url";

/**
 * Runs a command-line task against the app's database (DATABASE_URL or the embedded one), stops
 * the embedded server afterwards, and exits with the task's code; a failure prints its message only.
 */
export function runWithDatabase(task: (database: Awaited<ReturnType<typeof ensureDatabaseUrl>>) => Promise<number>) {
  (async () => {
    const database = await ensureDatabaseUrl();
    try {
      return await task(database);
    } finally {
      await database.embedded?.stop();
    }
  })().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
