import path from "node:path";
import { ensureDatabaseUrl } from "@/lib/db/database-url";
import { deployMigrations } from "@/lib/db/migrations";
import { dataDir } from "@/lib/db/paths";

/** What every way of starting the app does first: find or start the database, then migrate it. */
export async function prepareDatabase() {
  const database = await ensureDatabaseUrl();
  const applied = await deployMigrations(database.url);
  if (applied.length) console.log(`Database: applied ${applied.length} migration(s): ${applied.join(", ")}`);
  console.log(database.embedded ? `Database: embedded (${path.relative(process.cwd(), path.join(dataDir, "pglite"))}) at ${database.url}` : "Database: DATABASE_URL");
  return database;
}
