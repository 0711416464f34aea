import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sealClientSecret } from "@/lib/accounts/client-secret";
import { db } from "@/lib/db/client";
import { generateWebhookSecret, sealWebhookSecret } from "@/lib/webhooks/secret";
import { verifyWebhook } from "@/lib/webhooks/signature";
import { DEMO_CLIENT_SECRET, DEMO_MAILBOXES } from "@/sandbox/fixtures/demo";
import { type RunningSandbox, startSandbox } from "@/sandbox/index";
import { CANARY_SECRET, createAccountIn, createUser, createWorkspace, SANDBOX_APP } from "@/tests/helpers/factories";
import { claimDueChecks } from "@/lib/health/schedule";
import { createBoss, createQueues, QUEUES, type RunningWorker, startWorker, sweep } from "./worker";

const MINUTE = 60_000;
let sandbox: RunningSandbox;
const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
let receiver: http.Server;
let receiverUrl: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  process.env.M365_SANDBOX_URL = sandbox.url;
  // A webhook receiver on this machine, as a customer's endpoint would be.
  receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/forge365`;
});
afterAll(async () => {
  await sandbox.close();
  await new Promise((resolve) => receiver.close(resolve));
});

const running: RunningWorker[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((w) => w.stop()));
});

/** Each test has its own pg-boss schema, so no job of one test is ever taken by another's worker. */
async function worker(workspaceIds: string[], schema: string) {
  const started = await startWorker({ schema, workspaceIds, pollingIntervalSeconds: 0.5 });
  running.push(started);
  return started;
}

async function until<T>(what: () => T | Promise<T>, ok: (value: T) => boolean, timeoutMs = 40_000): Promise<T> {
  const giveUp = Date.now() + timeoutMs;
  for (;;) {
    const value = await what();
    if (ok(value)) return value;
    if (Date.now() > giveUp) throw new Error(`timed out waiting; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function workspaceWithAccount(secret = DEMO_CLIENT_SECRET, mailboxes = [DEMO_MAILBOXES.sender, DEMO_MAILBOXES.another]) {
  const [owner, admin, member] = [await createUser("owner"), await createUser("admin"), await createUser("member")];
  const workspace = await createWorkspace({ OWNER: owner, ADMIN: admin, MEMBER: member });
  const account = await createAccountIn(workspace.id, owner.id, mailboxes, SANDBOX_APP);
  await setSecret(account.id, workspace.id, secret);
  return { workspace, account, owner, admin, member };
}

async function setSecret(accountId: string, workspaceId: string, secret: string) {
  await db.appRegistration.update({ where: { id: accountId }, data: sealClientSecret(workspaceId, accountId, secret) });
}

const account = (id: string) => db.appRegistration.findUniqueOrThrow({ where: { id } });
const checkedAfter = (id: string, after: Date | null) => until(() => account(id), (a) => Boolean(a.lastCheckedAt && (!after || a.lastCheckedAt > after)));
const schemaName = () => `pgboss_t${randomUUID().slice(0, 8)}`;

describe("scheduled health checks", () => {
  it("checks a due account against the sandbox with a dry run, stores the run as history, and leaves an account not due alone", async () => {
    const due = await workspaceWithAccount();
    const later = await workspaceWithAccount();
    const tomorrow = new Date(Date.now() + 24 * 60 * MINUTE);
    await db.appRegistration.update({ where: { id: later.account.id }, data: { nextCheckAt: tomorrow } });
    const sentBefore = (await (await fetch(`${sandbox.url}/_sandbox/sent`)).json()).sent.length;

    const w = await worker([due.workspace.id, later.workspace.id], schemaName());
    const started = new Date();
    await w.sweepNow();
    const checked = await checkedAfter(due.account.id, null);

    expect(checked.health).toBe("HEALTHY");
    expect(checked.checkFailures).toBe(0);
    expect(checked.nextCheckAt!.getTime() - started.getTime()).toBeGreaterThan(23.9 * 60 * MINUTE);
    const tests = await db.connectionTest.findMany({ where: { appRegistrationId: due.account.id } });
    expect(tests.map((t) => [t.trigger, t.dryRun, t.status])).toEqual([
      ["SCHEDULED", true, "PASSED"],
      ["SCHEDULED", true, "PASSED"],
    ]);
    expect(await db.bulkRun.count({ where: { appRegistrationId: due.account.id, status: "DONE" } })).toBe(1);
    expect((await (await fetch(`${sandbox.url}/_sandbox/sent`)).json()).sent.length).toBe(sentBefore);
    // An account that became healthy from unknown is not news; nobody is notified.
    expect(await db.notification.count({ where: { workspaceId: due.workspace.id } })).toBe(0);

    const untouched = await account(later.account.id);
    expect(untouched.lastCheckedAt).toBeNull();
    expect(untouched.nextCheckAt).toEqual(tomorrow);
  });

  it("a failure backs off (15 min, then 30 min), is announced once to admins and owners and by one signed webhook, and recovery is announced once", async () => {
    const { workspace, account: acc, owner, admin, member } = await workspaceWithAccount(CANARY_SECRET);
    const webhookSecret = generateWebhookSecret();
    await db.workspace.update({ where: { id: workspace.id }, data: { webhookUrl: receiverUrl, webhookSecretSealed: sealWebhookSecret(workspace.id, webhookSecret) } });
    const w = await worker([workspace.id], schemaName());
    const callsFor = () => received.filter((r) => JSON.parse(r.body).workspace.slug === workspace.slug);

    let started = new Date();
    await w.sweepNow();
    let checked = await checkedAfter(acc.id, null);
    expect(checked).toMatchObject({ health: "FAILING", checkFailures: 1 });
    expect(checked.nextCheckAt!.getTime() - started.getTime()).toBeGreaterThanOrEqual(15 * MINUTE - 1_000);
    expect(checked.nextCheckAt!.getTime() - started.getTime()).toBeLessThan(16 * MINUTE);
    const failing = await db.notification.findMany({ where: { workspaceId: workspace.id }, orderBy: { userId: "asc" } });
    expect(failing.map((n) => n.userId).sort()).toEqual([owner.id, admin.id].sort());
    expect(failing.every((n) => n.kind === "account.failing" && /AADSTS7000215|client secret/i.test(n.body))).toBe(true);
    expect(failing.some((n) => n.userId === member.id)).toBe(false);

    await until(callsFor, (calls) => calls.length === 1);
    const [call] = callsFor();
    expect(verifyWebhook(webhookSecret, call)).toBe(true);
    expect(verifyWebhook("whsec_wrong", call)).toBe(false);
    expect(JSON.parse(call.body)).toMatchObject({ event: "account.failing", data: { account: { id: acc.id }, health: "FAILING" } });
    expect(call.body).not.toContain(CANARY_SECRET);
    const delivery = await until(() => db.webhookDelivery.findFirstOrThrow({ where: { workspaceId: workspace.id } }), (d) => d.status === "DELIVERED");
    expect(delivery).toMatchObject({ attempts: 1, lastStatusCode: 204, event: "account.failing" });

    // Still failing: the next retry waits twice as long, and nothing new is announced.
    await db.appRegistration.update({ where: { id: acc.id }, data: { nextCheckAt: new Date(Date.now() - 1_000) } });
    started = new Date();
    await w.sweepNow();
    checked = await checkedAfter(acc.id, checked.lastCheckedAt);
    expect(checked).toMatchObject({ health: "FAILING", checkFailures: 2 });
    expect(checked.nextCheckAt!.getTime() - started.getTime()).toBeGreaterThanOrEqual(30 * MINUTE - 1_000);
    expect(checked.nextCheckAt!.getTime() - started.getTime()).toBeLessThan(31 * MINUTE);
    expect(await db.notification.count({ where: { workspaceId: workspace.id } })).toBe(2);

    // The secret is fixed: healthy again, announced once, and the backoff resets to a day.
    await setSecret(acc.id, workspace.id, DEMO_CLIENT_SECRET);
    await db.appRegistration.update({ where: { id: acc.id }, data: { nextCheckAt: new Date(Date.now() - 1_000) } });
    await w.sweepNow();
    checked = await checkedAfter(acc.id, checked.lastCheckedAt);
    expect(checked).toMatchObject({ health: "HEALTHY", checkFailures: 0 });
    expect(await db.notification.count({ where: { workspaceId: workspace.id, kind: "account.recovered" } })).toBe(2);
    await until(callsFor, (calls) => calls.length === 2);
    expect(JSON.parse(callsFor()[1].body).event).toBe("account.recovered");
    expect(await db.webhookDelivery.count({ where: { workspaceId: workspace.id } })).toBe(2);
  });

  it("announces each expiry warning once: 14 days left, then expired", async () => {
    const { workspace, account: acc } = await workspaceWithAccount();
    const inTenDays = new Date(Date.now() + 10 * 24 * 60 * MINUTE);
    inTenDays.setUTCHours(0, 0, 0, 0);
    await db.appRegistration.update({ where: { id: acc.id }, data: { secretExpiresOn: inTenDays } });
    const w = await worker([workspace.id], schemaName());
    await w.sweepNow();
    let checked = await checkedAfter(acc.id, null);
    expect(checked.expiryNotifiedDays).toBe(14);
    expect((await db.notification.findMany({ where: { workspaceId: workspace.id } })).map((n) => n.title)).toEqual([
      expect.stringMatching(/client secret expires in 10 days/),
      expect.stringMatching(/client secret expires in 10 days/),
    ]);

    await db.appRegistration.update({ where: { id: acc.id }, data: { nextCheckAt: new Date(Date.now() - 1_000) } });
    await w.sweepNow();
    checked = await checkedAfter(acc.id, checked.lastCheckedAt);
    expect(await db.notification.count({ where: { workspaceId: workspace.id } })).toBe(2);

    await db.appRegistration.update({ where: { id: acc.id }, data: { secretExpiresOn: new Date(Date.UTC(2020, 0, 1)), nextCheckAt: new Date(Date.now() - 1_000) } });
    await w.sweepNow();
    checked = await checkedAfter(acc.id, checked.lastCheckedAt);
    expect(checked).toMatchObject({ expiryNotifiedDays: 0, health: "FAILING" });
    const kinds = (await db.notification.findMany({ where: { workspaceId: workspace.id }, select: { kind: true } })).map((n) => n.kind).sort();
    expect(kinds).toEqual(["account.failing", "account.failing", "secret.expired", "secret.expired", "secret.expiring", "secret.expiring"]);
  });

  it("two workers sweeping the same accounts at once run each check exactly once", async () => {
    const worlds = await Promise.all([1, 2, 3, 4].map(() => workspaceWithAccount(DEMO_CLIENT_SECRET, [DEMO_MAILBOXES.sender])));
    const ids = worlds.map((w) => w.workspace.id);
    const schema = schemaName();
    const [a, b] = [await worker(ids, schema), await worker(ids, schema)];
    await Promise.all([a.sweepNow(), b.sweepNow(), sweep(a.boss, { workspaceIds: ids }), sweep(b.boss, { workspaceIds: ids })]);
    for (const w of worlds) await checkedAfter(w.account.id, null);
    await new Promise((r) => setTimeout(r, 1_500));
    for (const w of worlds) {
      expect(await db.bulkRun.count({ where: { appRegistrationId: w.account.id } })).toBe(1);
      expect(await db.connectionTest.count({ where: { appRegistrationId: w.account.id } })).toBe(1);
    }
  });

  it("a worker restarted after checks were queued runs them: nothing scheduled is lost", async () => {
    const { workspace, account: acc } = await workspaceWithAccount();
    const schema = schemaName();
    // An instance queues the check and goes away before any worker took it.
    const first = createBoss({ schema });
    await first.start();
    await createQueues(first);
    expect(await sweep(first, { workspaceIds: [workspace.id] })).toEqual([acc.id]);
    await first.stop({ graceful: false, wait: true });
    expect((await account(acc.id)).lastCheckedAt).toBeNull();
    // Its claim stands: another instance's sweep does not queue the same check again.
    expect(await claimDueChecks(new Date(), { workspaceIds: [workspace.id] })).toEqual([]);

    await worker([workspace.id], schema);
    const checked = await checkedAfter(acc.id, null);
    expect(checked.health).toBe("HEALTHY");
    expect(await db.bulkRun.count({ where: { appRegistrationId: acc.id } })).toBe(1);
  });

  it("a check whose worker died while running it is taken up again once its job expires", async () => {
    const { workspace, account: acc } = await workspaceWithAccount();
    const schema = schemaName();
    const dying = createBoss({ schema });
    await dying.start();
    await createQueues(dying);
    await dying.send(QUEUES.check, { accountId: acc.id }, { singletonKey: acc.id, expireInSeconds: 1, retryDelay: 0, retryBackoff: false });
    expect(await dying.fetch(QUEUES.check)).toHaveLength(1);
    await dying.stop({ graceful: false, wait: true });

    const next = await worker([workspace.id], schema);
    await new Promise((r) => setTimeout(r, 1_500));
    // Expiry is found by pg-boss's maintenance, every few minutes in production; here it is run at once.
    await next.boss.maintain();
    expect((await checkedAfter(acc.id, null)).health).toBe("HEALTHY");
  });
});
