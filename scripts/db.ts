import "./env-file";
import { parseArgs } from "node:util";
import { createMigration, deployMigrations, migrationStatus } from "@/lib/db/migrations";
import { runWithDatabase } from "./with-database";

const usage = `Usage:
  npm run db:deploy                 apply pending migrations
  npm run db:migrate -- --name X    create a migration from prisma/schema.prisma and apply it
  npm run db:status                 report pending migrations and schema drift`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { name: { type: "string" } },
});
const command = positionals[0];
if (!["deploy", "migrate", "status"].includes(command ?? "")) {
  console.error(usage);
  process.exit(2);
}

runWithDatabase(async ({ url, embedded }) => {
  if (command === "deploy") {
    const applied = await deployMigrations(url);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
    return 0;
  }
  if (command === "migrate") {
    if (!values.name || !/^[a-z0-9_]+$/.test(values.name)) {
      console.error("Give the migration a name of lowercase letters, digits and underscores: --name add_mailboxes");
      return 2;
    }
    const created = await createMigration(url, values.name);
    console.log(created ? `Created and applied prisma/migrations/${created}` : "The schema has no changes to migrate.");
    return 0;
  }
  const { history, schemaChangesWithoutMigration } = await migrationStatus(url, { checkSchema: !embedded });
  if (embedded) console.log("(Comparing migrations with prisma/schema.prisma needs DATABASE_URL on a real Postgres.)");
  let healthy = true;
  if (history.history) {
    healthy = false;
    console.log(`Migration history: ${history.history.diagnostic}`, JSON.stringify(history.history));
  }
  if (history.failedMigrationNames.length) {
    healthy = false;
    console.log(`Failed migrations: ${history.failedMigrationNames.join(", ")}`);
  }
  if (history.editedMigrationNames.length) {
    healthy = false;
    console.log(`Edited after being applied: ${history.editedMigrationNames.join(", ")}`);
  }
  if (schemaChangesWithoutMigration !== null) {
    healthy = false;
    console.log(`prisma/schema.prisma has changes no migration captures:\n${schemaChangesWithoutMigration}`);
  }
  console.log(healthy ? "Database schema is up to date." : "Run `npm run db:migrate -- --name <change>` or `npm run db:deploy`.");
  return healthy ? 0 : 1;
});
