import { defineConfig } from "prisma/config";

// Generation needs no database; migrations run through scripts/db.ts (see README, "Database").
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
