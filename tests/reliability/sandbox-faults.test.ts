import { describe, expect, it } from "vitest";
import { createAccount } from "@/lib/accounts/accounts";
import { enqueueBulkRun } from "@/lib/connection-checks/enqueue";
import { drainConnectionChecks } from "@/lib/jobs/connection-check-runner";
import { db } from "@/lib/db/client";
import { DEFAULT_TIMEOUT_MS, DEFAULT_TOTAL_TIMEOUT_MS, STEP_NAMES } from "@/lib/microsoft/connection-check";
import { DEMO_CLIENT_SECRET, DEMO_MAILBOXES } from "@/sandbox/fixtures/demo";
import { useSandbox } from "@/tests/helpers/sandbox";
import { createUser, createWorkspace, SANDBOX_APP } from "@/tests/helpers/factories";
import { freePort } from "@/tests/helpers/ports";

const sandbox = useSandbox();
const MAILBOXES = [DEMO_MAILBOXES.sender, DEMO_MAILBOXES.recipient, DEMO_MAILBOXES.another];

async function testAll() {
  const owner = await createUser("owner");
  const workspace = await createWorkspace({ OWNER: owner });
  await createAccount(
    { workspaceId: workspace.id, userId: owner.id, role: "OWNER" as const },
    { ...SANDBOX_APP, label: "Contoso", clientSecret: DEMO_CLIENT_SECRET, secretExpiresOn: new Date(Date.UTC(2099, 0, 1)), mailboxes: MAILBOXES.map((address, i) => ({ address, line: i + 1 })) },
  );
  const run = await enqueueBulkRun({ workspaceId: workspace.id, userId: owner.id, role: "OWNER" as const }, {}, { dryRun: true });
  const started = performance.now();
  await drainConnectionChecks({ workspaceId: workspace.id });
  const wallMs = performance.now() - started;
  const tests = await db.connectionTest.findMany({ where: { bulkRunId: run.id }, include: { mailbox: { select: { status: true } } } });
  const bulk = await db.bulkRun.findUniqueOrThrow({ where: { id: run.id } });
  return { tests, bulk, wallMs };
}

const fault = (endpoint: string, settings: object) => () => sandbox.control("PUT", "faults", { endpoint, ...settings });

/** Microsoft misbehaving, everywhere or only Graph, as the sandbox's control API sets it; and the diagnosis each must give. */
const faults: Array<{ name: string; apply: () => Promise<unknown>; code: string }> = [
  { name: "down (connection refused)", apply: async () => (process.env.M365_SANDBOX_URL = `http://127.0.0.1:${await freePort()}`), code: "network_error" },
  { name: "hanging", apply: fault("*", { hang: true }), code: "TIMEOUT" },
  { name: "answering 500", apply: fault("*", { failureRate: 1, failStatus: 500 }), code: "AADSTS50000" },
  { name: "answering 503", apply: fault("*", { failureRate: 1, failStatus: 503, retryAfterSeconds: 1 }), code: "AADSTS90006" },
  { name: "throttling every request", apply: fault("*", { failureRate: 1, failStatus: 429, retryAfterSeconds: 1 }), code: "ENTRA_THROTTLED" },
  { name: "Graph answering 503", apply: fault("users", { failureRate: 1, failStatus: 503, retryAfterSeconds: 0 }), code: "ServiceUnavailable" },
  { name: "Graph throttling every request", apply: fault("users", { failureRate: 1, failStatus: 429, retryAfterSeconds: 0 }), code: "TooManyRequests" },
];

describe.each(faults)("Microsoft $name", ({ apply, code }) => {
  it("fails each test of a Test all within the time limits, with a diagnosis stored; the next run passes once the fault ends", async () => {
    process.env.M365_SANDBOX_URL = sandbox.url;
    await apply();
    const faulty = await testAll();
    expect(faulty.wallMs).toBeLessThan(DEFAULT_TOTAL_TIMEOUT_MS + 5_000);
    expect(faulty.bulk).toMatchObject({ status: "DONE", finishedAt: expect.any(Date) });
    for (const test of faulty.tests) {
      expect(test).toMatchObject({ status: "FAILED", errorCode: code, finishedAt: expect.any(Date) });
      expect(test.diagnosis).toMatchObject({ title: expect.any(String), fix: expect.anything() });
      expect(test.durationMs).toBeLessThanOrEqual(DEFAULT_TOTAL_TIMEOUT_MS + 1_000);
      const steps = test.steps as Array<{ name: string; status: string; durationMs: number }>;
      expect(steps.map((s) => s.name)).toEqual(STEP_NAMES);
      for (const step of steps) expect(step.durationMs).toBeLessThanOrEqual(DEFAULT_TIMEOUT_MS + 1_000);
      expect(test.mailbox.status).toBe("FAILING");
    }

    process.env.M365_SANDBOX_URL = sandbox.url;
    await sandbox.control("POST", "reset");
    const recovered = await testAll();
    expect(recovered.tests.map((t) => t.status)).toEqual(MAILBOXES.map(() => "PASSED"));
  }, 60_000);
});
