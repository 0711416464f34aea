import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { type RunningSandbox, startSandbox } from "@/sandbox/index";
import { addBulkAccounts } from "@/tests/helpers/bulk-accounts";
import { bulkFixture, setSandboxLatency } from "@/tests/helpers/sandbox-fixture";
import { createUser, createWorkspace } from "@/tests/helpers/factories";
import { enqueueBulkRun } from "./enqueue";
import { drainConnectionChecks } from "@/lib/jobs/connection-check-runner";

const APPS = 10;
const PER_APP = 20;
let sandbox: RunningSandbox;
const setup = bulkFixture({ apps: APPS, mailboxesPerApp: PER_APP });

async function control(path: string, init?: RequestInit) {
  const response = await fetch(`${sandbox.url}/_sandbox/${path}`, { headers: { "content-type": "application/json" }, ...init });
  expect(response.ok, `${path}: ${response.status}`).toBe(true);
  return response.json();
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, fixture: setup.fixture });
  process.env.M365_SANDBOX_URL = sandbox.url;
});
afterAll(async () => {
  await sandbox.close();
});

it("tests 200 mailboxes across 10 apps within Graph's limits, retrying 429s, and stores every result", async () => {
  const owner = await createUser();
  const workspace = await createWorkspace({ OWNER: owner });
  const actor = { workspaceId: workspace.id, userId: owner.id, role: "OWNER" as const };
  await addBulkAccounts(actor, setup.accounts);
  await setSandboxLatency(sandbox.url, 30);
  // Microsoft throttles now and then; Graph's retry handler waits out Retry-After and tries again.
  await control("faults", { method: "PUT", body: JSON.stringify({ endpoint: "sendMail", latencyMs: 30, failNext: 5, failStatus: 429, retryAfterSeconds: 1 }) });

  const run = await enqueueBulkRun(actor, {}, { dryRun: false, recipient: setup.recipient });
  await drainConnectionChecks({ workspaceId: workspace.id });

  const tests = await db.connectionTest.findMany({ where: { bulkRunId: run.id }, select: { status: true, steps: true, errorCode: true } });
  expect(tests).toHaveLength(APPS * PER_APP);
  expect(tests.filter((t) => t.status !== "PASSED").map((t) => t.errorCode)).toEqual([]);
  expect(tests.every((t) => (t.steps as unknown[]).length === 5)).toBe(true);
  expect((await db.bulkRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("DONE");
  expect(await db.mailbox.count({ where: { workspaceId: workspace.id, status: "HEALTHY" } })).toBe(APPS * PER_APP);

  const { mailboxes } = (await control("concurrency")) as { mailboxes: Array<{ peak: number }> };
  expect(mailboxes.length).toBe(APPS * PER_APP);
  expect(Math.max(...mailboxes.map((m) => m.peak))).toBeLessThanOrEqual(4);
  const { faults } = (await control("state")) as { faults: Array<{ endpoint: string; failNext: number }> };
  expect(faults.find((f) => f.endpoint === "sendMail")?.failNext, "every forced 429 was served, and retried").toBe(0);
  const { sent } = (await control("sent")) as { sent: unknown[] };
  expect(sent).toHaveLength(APPS * PER_APP);
  // One fresh token per app for the whole run, shared through the sealed cache.
  expect(await db.tokenCache.count({ where: { workspaceId: workspace.id } })).toBe(APPS);
}, 120_000);
