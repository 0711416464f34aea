import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "@/lib/accounts/accounts";
import { db } from "@/lib/db/client";
import { type RunningSandbox, startSandbox } from "@/sandbox/index";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_FAILING_APPS, DEMO_MAILBOXES, DEMO_TENANT_ID } from "@/sandbox/fixtures/demo";
import { createUser, createWorkspace } from "@/tests/helpers/factories";
import { enqueueBulkRun, enqueueMailboxTest } from "./enqueue";
import { drainConnectionChecks } from "@/lib/jobs/connection-check-runner";
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
  it("a healthy mailbox passes every step, the mail lands in the sandbox inbox, and the mailbox turns healthy", async () => {
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
    const mailbox = await db.mailbox.findUniqueOrThrow({ where: { id: boxes[0].id } });
    expect(mailbox.status).toBe("HEALTHY");
    expect(mailbox.lastTestedAt).not.toBeNull();
    const inbox = await (await fetch(`${sandbox.url}/_sandbox/mail?mailbox=${DEMO_MAILBOXES.recipient}`)).json();
    expect(JSON.stringify(inbox)).toContain("forge365");
  });

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
