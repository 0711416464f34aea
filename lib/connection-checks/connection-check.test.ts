import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "@/lib/accounts/accounts";
import { db } from "@/lib/db/client";
import { type RunningSandbox, startSandbox } from "@/sandbox/index";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_FAILING_APPS, DEMO_MAILBOXES, DEMO_TENANT_ID } from "@/sandbox/fixtures/demo";
import { createUser, createWorkspace } from "@/tests/helpers/factories";
import { type StepRecord } from "@/lib/microsoft/connection-check";
import { env } from "@/lib/env";
import { enqueueBulkRun, enqueueMailboxTest } from "./enqueue";
import { drainConnectionChecks } from "@/lib/jobs/connection-check-runner";
import { runHealthCheck } from "@/lib/jobs/health-check";
import { TEST_SENDS_PER_WINDOW } from "./send-limit";

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  process.env.M365_SANDBOX_URL = sandbox.url;
});
afterAll(() => sandbox.close());

async function workspaceWith(credentials: { clientId: string; clientSecret: string }, mailboxes: string[]) {
  const owner = await createUser();
  const workspace = await createWorkspace({ OWNER: owner });
  const actor = { workspaceId: workspace.id, userId: owner.id, role: "OWNER" as const };
  const { id } = await createAccount(actor, {
    label: "Contoso",
    cloud: "SANDBOX",
    tenant: DEMO_TENANT_ID,
    ...credentials,
    secretExpiresOn: new Date(Date.UTC(2099, 0, 1)),
    mailboxes: mailboxes.map((address, i) => ({ address, line: i + 1 })),
  });
  const boxes = await db.mailbox.findMany({ where: { appRegistrationId: id }, orderBy: { address: "asc" } });
  const drain = () => drainConnectionChecks({ workspaceId: workspace.id });
  return { actor, workspace, accountId: id, boxes, drain };
}

const working = { clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET };

describe("Test Connection, stored", () => {
  it("a healthy mailbox passes every step, the mail lands in the sandbox inbox, and the mailbox turns healthy (sent)", async () => {
    const { actor, boxes, drain } = await workspaceWith(working, [DEMO_MAILBOXES.sender]);
    const { id } = await enqueueMailboxTest(actor, boxes[0].id, { dryRun: false, recipient: DEMO_MAILBOXES.recipient });
    await drain();
    const test = await db.connectionTest.findUniqueOrThrow({ where: { id } });
    expect(test.status).toBe("PASSED");
    expect((test.steps as Array<{ name: string; status: string }>).map((s) => `${s.name}:${s.status}`)).toEqual([
      "configuration:passed",
      "token:passed",
      "permissions:passed",
      "mailbox:passed",
      "send:passed",
    ]);
    expect(test.durationMs).toBeGreaterThan(0);
    // Test Connection of one mailbox looks for a bounce for the whole window (BOUNCE_WAIT_SECONDS), as the app may read the sender's mail.
    const send = (test.steps as unknown as StepRecord[]).find((s) => s.name === "send");
    expect(send?.details).toMatchObject({ bounceCheck: "none" });
    expect(Number(send?.details?.bounceWaitMs)).toBeGreaterThanOrEqual(env().BOUNCE_WAIT_SECONDS * 1000);
    expect(send?.summary).toMatch(/none had reached adele\.vance@\S+ after \d+ s\.$/);
    const mailbox = await db.mailbox.findUniqueOrThrow({ where: { id: boxes[0].id } });
    expect(mailbox.status).toBe("HEALTHY");
    expect(mailbox.lastTestedAt).not.toBeNull();
    const inbox = await (await fetch(`${sandbox.url}/_sandbox/mail?mailbox=${DEMO_MAILBOXES.recipient}`)).json();
    expect(JSON.stringify(inbox)).toContain("forge365");
  }, 40_000);

  it("a failing mailbox stores the step, Microsoft's code, the diagnosis and the request IDs", async () => {
    const { actor, boxes, drain } = await workspaceWith(working, [DEMO_MAILBOXES.blockedByPolicy]);
    const { id } = await enqueueMailboxTest(actor, boxes[0].id, { dryRun: false, recipient: DEMO_MAILBOXES.recipient });
    await drain();
    const test = await db.connectionTest.findUniqueOrThrow({ where: { id } });
    expect(test.status).toBe("FAILED");
    expect(test.errorCode).toBe("ErrorAccessDenied.ODataDisabled");
    expect((test.steps as Array<{ name: string; status: string }>).find((s) => s.status === "failed")?.name).toBe("send");
    expect((test.diagnosis as { fix: string }).fix).toMatch(/ApplicationAccessPolicy/);
    expect(JSON.stringify(test.microsoftIds)).toMatch(/requestId/);
    expect((await db.mailbox.findUniqueOrThrow({ where: { id: boxes[0].id } })).status).toBe("FAILING");
  });

  it("a scheduled check is a dry run: blocked@ and unlicensed@ turn Ready — sending not tested — never Healthy", async () => {
    const { accountId, boxes } = await workspaceWith(working, [DEMO_MAILBOXES.blockedByPolicy, DEMO_MAILBOXES.unlicensed]);
    await runHealthCheck(accountId);
    const tests = await db.connectionTest.findMany({ where: { mailboxId: { in: boxes.map((b) => b.id) } } });
    expect(tests.map((t) => [t.trigger, t.dryRun, t.status])).toEqual([
      ["SCHEDULED", true, "PASSED"],
      ["SCHEDULED", true, "PASSED"],
    ]);
    const statuses = await db.mailbox.findMany({ where: { id: { in: boxes.map((b) => b.id) } }, select: { status: true } });
    expect(statuses.map((m) => m.status)).toEqual(["READY", "READY"]);
  });

  it("a restricted sender's test mail is accepted, then bounces: the test fails with the report's code and the mailbox fails", async () => {
    await fetch(`${sandbox.url}/_sandbox/limits`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ ndrDelaySeconds: 0 }) });
    const { actor, boxes, drain } = await workspaceWith(working, [DEMO_MAILBOXES.restrictedSender]);
    const { id } = await enqueueMailboxTest(actor, boxes[0].id, { dryRun: false, recipient: DEMO_MAILBOXES.recipient });
    await drain();
    const test = await db.connectionTest.findUniqueOrThrow({ where: { id } });
    expect(test).toMatchObject({ status: "FAILED", errorCode: "NDR_5.1.8" });
    expect((test.diagnosis as { rawMessage: string }).rawMessage).toContain("5.1.8 Access denied, bad outbound sender");
    expect((await db.mailbox.findUniqueOrThrow({ where: { id: boxes[0].id } })).status).toBe("FAILING");
  });

  it("a Test all that sends does not wait for bounces, and says so", async () => {
    const { actor, accountId, boxes, drain } = await workspaceWith(working, [DEMO_MAILBOXES.another]);
    const run = await enqueueBulkRun(actor, { accountId }, { dryRun: false, recipient: DEMO_MAILBOXES.recipient });
    await drain();
    const [test] = await db.connectionTest.findMany({ where: { bulkRunId: run.id } });
    const send = (test.steps as unknown as StepRecord[]).find((s) => s.name === "send");
    expect(send).toMatchObject({ status: "passed", details: { bounceCheck: "not-looked" }, summary: expect.stringMatching(/this run did not wait for one\.$/) });
    expect((await db.mailbox.findUniqueOrThrow({ where: { id: boxes[0].id } })).status).toBe("HEALTHY");
  });

  it("an expired secret fails every mailbox of the app at the token step", async () => {
    const { actor, accountId, drain } = await workspaceWith(DEMO_FAILING_APPS.expiredSecret, [DEMO_MAILBOXES.sender, DEMO_MAILBOXES.another]);
    const run = await enqueueBulkRun(actor, { accountId }, { dryRun: true });
    await drain();
    const tests = await db.connectionTest.findMany({ where: { bulkRunId: run.id } });
    expect(tests.map((t) => t.errorCode)).toEqual(["AADSTS7000222", "AADSTS7000222"]);
  });

  it("limits test mails per mailbox, with a clear message, but never dry runs", async () => {
    const { actor, boxes } = await workspaceWith(working, [DEMO_MAILBOXES.another]);
    for (let i = 0; i < TEST_SENDS_PER_WINDOW; i++) await enqueueMailboxTest(actor, boxes[0].id, { dryRun: false, recipient: DEMO_MAILBOXES.recipient });
    await expect(enqueueMailboxTest(actor, boxes[0].id, { dryRun: false, recipient: DEMO_MAILBOXES.recipient })).rejects.toThrow(
      /was sent 5 test mails in the last 10 minutes\. Try again in \d+ minutes?/,
    );
    await expect(enqueueMailboxTest(actor, boxes[0].id, { dryRun: true })).resolves.toBeDefined();
  });

  it("a test interrupted mid-run (its instance died) is claimed again and finishes", async () => {
    const { actor, boxes, drain } = await workspaceWith(working, [DEMO_MAILBOXES.sender]);
    const { id } = await enqueueMailboxTest(actor, boxes[0].id, { dryRun: true });
    await db.connectionTest.update({ where: { id }, data: { status: "RUNNING", claimedAt: new Date(Date.now() - 10 * 60_000), steps: [{ name: "configuration" }] } });
    await drain();
    const test = await db.connectionTest.findUniqueOrThrow({ where: { id } });
    expect(test.status).toBe("PASSED");
    expect((test.steps as unknown[]).length).toBe(5);
  });

  it("never stores the secret or a token; the token cache is sealed", async () => {
    const { actor, accountId, workspace, drain } = await workspaceWith(working, [DEMO_MAILBOXES.sender]);
    await enqueueBulkRun(actor, { accountId }, { dryRun: true });
    await drain();
    const rows = JSON.stringify(await db.$queryRawUnsafe(`SELECT * FROM "ConnectionTest" WHERE "workspaceId" = $1`, workspace.id));
    const cache = JSON.stringify(await db.$queryRawUnsafe(`SELECT * FROM "TokenCache" WHERE "workspaceId" = $1`, workspace.id));
    for (const text of [rows, cache]) {
      expect(text).not.toContain(DEMO_CLIENT_SECRET);
      expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
    }
    expect(cache).toContain("v1.");
    const times = await db.tokenCache.findUniqueOrThrow({ where: { appRegistrationId: accountId } });
    expect(times.tokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
  });
});
