import { beforeAll, describe, expect, it } from "vitest";
import { enqueueBulkRun, enqueueMailboxTest } from "@/lib/connection-checks/enqueue";
import { drainConnectionChecks } from "@/lib/jobs/connection-check-runner";
import { db } from "@/lib/db/client";
import { DEMO_CLIENT_ID, DEMO_MAILBOXES, DEMO_TENANT_ID } from "@/sandbox/fixtures/demo";
import { useSandbox } from "@/tests/helpers/sandbox";
import { connect, delegatedWorkspace } from "@/tests/helpers/delegated";
import { mailboxesToReconnect } from "./reconnect";
import { openOrNull, refreshTokenContext } from "./sealed";

const sb = useSandbox();
beforeAll(() => {
  process.env.M365_SANDBOX_URL = sb.url;
});

/** A connected delegated mailbox, and a way to test it through the real queue. */
async function connected(address: string = DEMO_MAILBOXES.sender) {
  const setup = await delegatedWorkspace([address]);
  const mailbox = setup.boxes[0];
  const { outcome } = await connect(setup.owner, setup.actor, mailbox);
  expect(outcome.status).toBe("connected");
  const test = async (request: { dryRun: boolean; recipient?: string } = { dryRun: false, recipient: DEMO_MAILBOXES.recipient }) => {
    const { id } = await enqueueMailboxTest(setup.actor, mailbox.id, request);
    await drainConnectionChecks({ workspaceId: setup.workspace.id });
    return db.connectionTest.findUniqueOrThrow({ where: { id } });
  };
  const row = () => db.mailbox.findUniqueOrThrow({ where: { id: mailbox.id } });
  return { ...setup, mailbox, test, row };
}

const steps = (test: { steps: unknown }) => (test.steps as Array<{ name: string; status: string }>).map((s) => `${s.name}:${s.status}`);
const refreshTokenOf = (mailbox: { id: string; workspaceId: string; refreshTokenSealed: string | null }) =>
  openOrNull(mailbox.refreshTokenSealed, refreshTokenContext(mailbox));

describe("Test Connection of a delegated mailbox", () => {
  it("refreshes the stored sign-in, checks scp and /me, and sends through /me/sendMail", async () => {
    const { test, row, workspace } = await connected();
    const before = await row();
    const result = await test();
    expect(result.status).toBe("PASSED");
    expect(steps(result)).toEqual(["configuration:passed", "token:passed", "permissions:passed", "mailbox:passed", "send:passed"]);
    const [, token, permissions, mailbox] = result.steps as Array<{ summary: string; details: Record<string, unknown> }>;
    expect(token.summary).toMatch(/saved sign-in/);
    expect(permissions.details.scopes).toEqual(expect.arrayContaining(["Mail.Send", "User.Read"]));
    expect(mailbox.details).toMatchObject({ mail: DEMO_MAILBOXES.sender });

    const { sent } = await sb.control<{ sent: Array<{ identity: string; sender: string }> }>("GET", "sent");
    expect(sent).toEqual([expect.objectContaining({ identity: "user", sender: DEMO_MAILBOXES.sender })]);
    const inbox = await sb.control<{ messages: Array<{ subject: string }> }>("GET", `mail?mailbox=${DEMO_MAILBOXES.recipient}`);
    expect(inbox.messages[0].subject).toContain("forge365 connection test");

    // The rotated refresh token replaced the one used; neither reached the stored test.
    const after = await row();
    expect(after.status).toBe("HEALTHY");
    expect(after.refreshTokenSealed).not.toBe(before.refreshTokenSealed);
    const stored = JSON.stringify(await db.$queryRawUnsafe(`SELECT * FROM "ConnectionTest" WHERE "workspaceId" = $1`, workspace.id));
    for (const value of [refreshTokenOf(before), refreshTokenOf(after)]) expect(stored).not.toContain(value);
    expect(stored).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  });

  it("keeps working test after test, and two tests at once do not spend the same refresh token", async () => {
    const { test, actor, mailbox, workspace } = await connected();
    expect((await test({ dryRun: true })).status).toBe("PASSED");
    const twice = await Promise.all([0, 1].map(() => enqueueMailboxTest(actor, mailbox.id, { dryRun: true })));
    await drainConnectionChecks({ workspaceId: workspace.id });
    const results = await db.connectionTest.findMany({ where: { id: { in: twice.map((t) => t.id) } } });
    expect(results.map((t) => t.status)).toEqual(["PASSED", "PASSED"]);
  });

  it("works in a Test all as well", async () => {
    const { actor, accountId, workspace } = await connected();
    const run = await enqueueBulkRun(actor, { accountId }, { dryRun: true });
    await drainConnectionChecks({ workspaceId: workspace.id });
    expect((await db.connectionTest.findMany({ where: { bulkRunId: run.id } })).map((t) => t.status)).toEqual(["PASSED"]);
  });

  it("a mailbox nobody connected fails at the token step, and needs Connect rather than Reconnect", async () => {
    const { actor, boxes, workspace } = await delegatedWorkspace([DEMO_MAILBOXES.sender]);
    const { id } = await enqueueMailboxTest(actor, boxes[0].id, { dryRun: true });
    await drainConnectionChecks({ workspaceId: workspace.id });
    const test = await db.connectionTest.findUniqueOrThrow({ where: { id } });
    expect(test.errorCode).toBe("MAILBOX_NOT_CONNECTED");
    expect(steps(test).slice(0, 2)).toEqual(["configuration:passed", "token:failed"]);
    expect((await db.mailbox.findUniqueOrThrow({ where: { id: boxes[0].id } })).status).toBe("FAILING");
  });
});

describe("a refused sign-in turns the mailbox to Reconnect required", () => {
  const refusals = [
    {
      name: "sessions revoked",
      code: "AADSTS50173",
      refuse: () => sb.control("POST", `tenants/${DEMO_TENANT_ID}/users/${DEMO_MAILBOXES.sender}/revoke-sessions`),
    },
    {
      name: "consent withdrawn",
      code: "AADSTS65001",
      refuse: () => sb.control("PATCH", `tenants/${DEMO_TENANT_ID}/applications/${DEMO_CLIENT_ID}`, { userConsents: [] }),
    },
    { name: "unused for 90 days", code: "AADSTS700082", refuse: () => sb.control("POST", "clock", { advanceSeconds: 91 * 86_400 }) },
  ];

  it.each(refusals)("$name ($code)", async ({ code, refuse }) => {
    const { test, row, workspace } = await connected();
    await refuse();
    const failed = await test({ dryRun: true });
    expect(failed.errorCode).toBe(code);
    expect(steps(failed)[1]).toBe("token:failed");
    expect(await row()).toMatchObject({ status: "RECONNECT_REQUIRED", reconnectReason: expect.stringMatching(new RegExp(`^${code}: `)) });
    expect(await mailboxesToReconnect(workspace.id)).toMatchObject({ total: 1, rows: [{ address: DEMO_MAILBOXES.sender }] });
  });

  it("reconnecting heals it", async () => {
    const { owner, actor, mailbox, test, row, workspace } = await connected();
    await refusals[0].refuse();
    await test({ dryRun: true });
    expect((await row()).status).toBe("RECONNECT_REQUIRED");

    const { outcome } = await connect(owner, actor, mailbox);
    expect(outcome.status).toBe("connected");
    expect(await row()).toMatchObject({ status: "UNTESTED", reconnectReason: null });
    expect(await mailboxesToReconnect(workspace.id)).toMatchObject({ total: 0 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { workspaceId: workspace.id, action: "mailbox.connected" }, orderBy: { createdAt: "desc" } });
    expect(event.metadata).toMatchObject({ reconnected: true });

    expect((await test()).status).toBe("PASSED");
    expect((await row()).status).toBe("HEALTHY");
  });
});
