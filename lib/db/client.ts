import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { PrismaClient } from "./generated/prisma/client";

export type { Prisma } from "./generated/prisma/client";

/** The embedded server answers one query at a time; more connections would only queue there. */
export function createPrismaClient(url: string, { embedded = false } = {}) {
  const adapter = new PrismaPg({ connectionString: url, max: embedded ? 1 : 10 });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { forge365Db?: PrismaClient };

function connect(): PrismaClient {
  const { DATABASE_URL: url, FORGE365_EMBEDDED_DB: embedded } = env();
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which start the embedded database when no DATABASE_URL is configured.",
    );
  }
  const client = createPrismaClient(url, { embedded });
  // Dev reloads modules on every edit; one client per process keeps the connection count flat.
  globalForDb.forge365Db = client;
  return client;
}

/** The process-wide Prisma client, connected on first use. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = globalForDb.forge365Db ?? connect();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
