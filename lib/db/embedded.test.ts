import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { createPrismaClient } from "./client";
import { startEmbeddedDatabase } from "./embedded";
import { deployMigrations } from "./migrations";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forge365-embedded-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it("keeps data across restarts of the embedded database, through the app's own client", async () => {
  const dataDir = path.join(dir, "pglite");
  const first = await startEmbeddedDatabase({ dir: dataDir });
  expect(first.owned).toBe(true);
  await deployMigrations(first.url);
  const writer = createPrismaClient(first.url, { embedded: true });
  await writer.workspace.create({ data: { slug: "persisted", name: "Persisted", environment: "TEST" } });
  await writer.$disconnect();
  await first.stop();

  const second = await startEmbeddedDatabase({ dir: dataDir });
  expect(await deployMigrations(second.url)).toEqual([]);
  const reader = createPrismaClient(second.url, { embedded: true });
  const found = await reader.workspace.findUnique({ where: { slug: "persisted" } });
  await reader.$disconnect();
  await second.stop();
  expect(found?.name).toBe("Persisted");
  // Two cold starts of the WASM database and every migration: over 30 s on a busy two-core machine.
}, 120_000);

it("lets a second process-level caller share a running server instead of opening the files twice", async () => {
  const dataDir = path.join(dir, "shared");
  const owner = await startEmbeddedDatabase({ dir: dataDir });
  // A record written by another live process is what a second `npm run` would find.
  const record = path.join(dir, "shared.server.json");
  const { port } = JSON.parse(fs.readFileSync(record, "utf8"));
  fs.writeFileSync(record, JSON.stringify({ pid: process.ppid, port }));
  const guest = await startEmbeddedDatabase({ dir: dataDir });
  expect(guest.owned).toBe(false);
  expect(guest.url).toBe(owner.url);
  await owner.stop();
});
