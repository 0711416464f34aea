import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, expect, it } from "vitest";
import { enqueueBulkRun } from "@/lib/connection-checks/enqueue";
import { queueLimits } from "@/lib/jobs/connection-check-queue";
import { drainConnectionChecks } from "@/lib/jobs/connection-check-runner";
import { db } from "@/lib/db/client";
import { type EmbeddedDatabase, startEmbeddedDatabase } from "@/lib/db/embedded";
import { deployMigrations } from "@/lib/db/migrations";
import { STEP_NAMES } from "@/lib/microsoft/connection-check";
import { startSandbox, type RunningSandbox } from "@/sandbox/index";
import { createUser, createWorkspace } from "@/tests/helpers/factories";
import { addBulkAccounts } from "@/tests/helpers/bulk-accounts";
import { freePort } from "@/tests/helpers/ports";
import { bulkFixture, setSandboxLatency } from "@/tests/helpers/sandbox-fixture";

/**
 * This file's database is an embedded one it starts, stops and starts again itself (vitest runs each
 * file in a process of its own, so the app's client here connects to nothing else).
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forge365-restart-"));
let database: EmbeddedDatabase;
let port: number;
let sandbox: RunningSandbox;
const setup = bulkFixture({ apps: 3, mailboxesPerApp: 4 });

beforeAll(async () => {
  port = await freePort();
  database = await startEmbeddedDatabase({ dir: path.join(dir, "pglite"), port });
  await deployMigrations(database.url);
  process.env.DATABASE_URL = database.url;
  process.env.FORGE365_EMBEDDED_DB = "1";
  sandbox = await startSandbox({ port: 0, fixture: setup.fixture });
  process.env.M365_SANDBOX_URL = sandbox.url;
  // Slow enough that the restart lands while tests are running.
  await setSandboxLatency(sandbox.url, 300, ["token", "users"]);
}, 120_000);

afterAll(async () => {
  await db.$disconnect();
  await sandbox?.close();
  await database?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

it("a database restart in the middle of a Test all loses no result: once it is back, the claimed tests are taken again and every one finishes", async () => {
  const owner = await createUser("owner");
  const workspace = await createWorkspace({ OWNER: owner });
  const actor = { workspaceId: workspace.id, userId: owner.id, role: "OWNER" as const };
  await addBulkAccounts(actor, setup.accounts);
  const run = await enqueueBulkRun(actor, {}, { dryRun: true });
  // A short claim timeout stands in for the two minutes after which a claim counts as abandoned.
  const limits = queueLimits({ ...process.env, TEST_CLAIM_TIMEOUT_SECONDS: "2" });

  const interrupted = drainConnectionChecks({ workspaceId: workspace.id }, limits).catch((error: Error) => error);
  await sleep(800);
  await database.stop();
  await sleep(1_500);
  database = await startEmbeddedDatabase({ dir: path.join(dir, "pglite"), port });
  await interrupted;

  const left = await db.connectionTest.count({ where: { bulkRunId: run.id, status: { in: ["QUEUED", "RUNNING"] } } });
  expect(left, "the outage left tests unfinished, or the test proves nothing").toBeGreaterThan(0);
  await sleep(limits.claimTimeoutSeconds * 1_000);
  await drainConnectionChecks({ workspaceId: workspace.id }, limits);

  const tests = await db.connectionTest.findMany({ where: { bulkRunId: run.id } });
  expect(tests).toHaveLength(12);
  for (const test of tests) {
    expect(test).toMatchObject({ status: "PASSED", finishedAt: expect.any(Date) });
    expect((test.steps as Array<{ name: string }>).map((s) => s.name)).toEqual(STEP_NAMES);
  }
  expect(await db.bulkRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "DONE" });
  // A dry run proves everything but sending: the mailboxes are Ready, not Healthy.
  expect(await db.mailbox.count({ where: { workspaceId: workspace.id, status: "READY" } })).toBe(12);
}, 60_000);
