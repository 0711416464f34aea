import { expect, it } from "vitest";
import { newRecordId } from "@/lib/accounts/ids";
import { db } from "@/lib/db/client";
import { createUser, createWorkspace } from "@/tests/helpers/factories";
import { claimNextTest } from "./connection-check-queue";

const TIMEOUT_S = 120;

/** A workspace with two app registrations of one mailbox each, and a way to put tests in its queue. */
async function queue() {
  const owner = await createUser();
  const workspace = await createWorkspace({ OWNER: owner });
  const apps: Array<{ id: string; mailboxId: string }> = [];
  for (const label of ["A", "B"]) {
    const app = await db.appRegistration.create({
      data: { id: newRecordId(), workspaceId: workspace.id, label, tenant: "contoso.onmicrosoft.com", clientId: "00001111-aaaa-2222-bbbb-3333cccc4444", clientSecretSealed: "not opened by this test", clientSecretHint: "Abc", secretExpiresOn: new Date(Date.UTC(2099, 0, 1)) },
    });
    const mailbox = await db.mailbox.create({ data: { workspaceId: workspace.id, appRegistrationId: app.id, address: `${label.toLowerCase()}@contoso.com` } });
    apps.push({ id: app.id, mailboxId: mailbox.id });
  }
  const base = Date.now() - 3_600_000;
  const add = (app: (typeof apps)[number], minute: number, extra: { status?: "QUEUED" | "RUNNING" | "PASSED"; claimedAt?: Date; bulkRunId?: string } = {}) =>
    db.connectionTest.create({
      data: { workspaceId: workspace.id, mailboxId: app.mailboxId, appRegistrationId: app.id, createdAt: new Date(base + minute * 60_000), ...extra },
      select: { id: true },
    });
  return { workspace, apps, add, owner };
}

it("claims a test whose claim timed out first, then the oldest waiting one, skipping busy apps and others' tests", async () => {
  const { workspace, apps, add } = await queue();
  const [a, b] = apps;
  const oldestQueued = await add(a, 1);
  const queuedOfB = await add(b, 2);
  const newerQueued = await add(a, 3);
  await add(a, 0, { status: "RUNNING", claimedAt: new Date() });
  await add(a, 0, { status: "PASSED" });
  const timedOut = await add(b, 4, { status: "RUNNING", claimedAt: new Date(Date.now() - (TIMEOUT_S + 60) * 1000) });
  const scope = { workspaceId: workspace.id };

  expect(await claimNextTest([], scope, TIMEOUT_S)).toEqual({ id: timedOut.id, appRegistrationId: b.id });
  expect(await claimNextTest([b.id], scope, TIMEOUT_S)).toEqual({ id: oldestQueued.id, appRegistrationId: a.id });
  expect(await claimNextTest([a.id], scope, TIMEOUT_S)).toEqual({ id: queuedOfB.id, appRegistrationId: b.id });
  expect(await claimNextTest([], { workspaceId: (await queue()).workspace.id }, TIMEOUT_S)).toBeNull();
  expect(await claimNextTest([], scope, TIMEOUT_S)).toEqual({ id: newerQueued.id, appRegistrationId: a.id });
  expect(await claimNextTest([], scope, TIMEOUT_S)).toBeNull();

  const claimed = await db.connectionTest.findUniqueOrThrow({ where: { id: oldestQueued.id } });
  expect(claimed.status).toBe("RUNNING");
  expect(claimed.claimedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
});

it("a scheduled check drains only its own run's tests", async () => {
  const { workspace, apps, add, owner } = await queue();
  const run = await db.bulkRun.create({ data: { workspaceId: workspace.id, startedById: owner.id, dryRun: true, total: 1 }, select: { id: true } });
  await add(apps[0], 1);
  const ofRun = await add(apps[1], 2, { bulkRunId: run.id });
  expect(await claimNextTest([], { bulkRunId: run.id }, TIMEOUT_S)).toEqual({ id: ofRun.id, appRegistrationId: apps[1].id });
  expect(await claimNextTest([], { bulkRunId: run.id }, TIMEOUT_S)).toBeNull();
});
