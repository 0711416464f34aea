import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { generateKeyString } from "@/lib/crypto";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { deployMigrations } from "@/lib/db/migrations";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    encryptionKeys: string;
  }
}

/**
 * Tests run against DATABASE_URL when set (CI: a fresh Postgres database), otherwise against a
 * fresh embedded database in a temporary folder. Either way, migrations are applied first.
 */
export default async function setup(project: TestProject) {
  let url = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forge365-test-db-"));
    const embedded = await startEmbeddedDatabase({ dir: path.join(dir, "pglite") });
    url = embedded.url;
    stop = async () => {
      await embedded.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  await deployMigrations(url);
  project.provide("databaseUrl", url);
  // Two keys, so the rotation test can move every row to the second and back while other tests,
  // running alongside, can still open whatever they read.
  project.provide("encryptionKeys", process.env.ENCRYPTION_KEYS ?? [generateKeyString("test"), generateKeyString("test-next")].join(","));
  return stop;
}
