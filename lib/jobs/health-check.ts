import { setTimeout as sleep } from "node:timers/promises";
import { expiryWarningDays, secretExpiryIn } from "@/lib/accounts/expiry";
import { drainConnectionChecks } from "@/lib/jobs/connection-check-runner";
import { db } from "@/lib/db/client";
import type { AccountHealth } from "@/lib/db/generated/prisma/enums";
import { notifyWorkspace, type WorkspaceEvent } from "@/lib/notifications/notify";
import { expiryEvent, failingEvent, type MailboxFailure, recoveredEvent } from "@/lib/health/events";
import { nextCheckDelay } from "@/lib/health/schedule";

/** How long a check waits for tests another instance took before giving up (its job is retried later). */
const WAIT_FOR_OTHERS_MS = 5 * 60_000;

/**
 * The scheduled run of an account: a dry-run Test Connection of each of its mailboxes, queued like
 * any "Test all" (trigger SCHEDULED), so it is stored as history. A check retried after its
 * instance died resumes the run it had started rather than starting another.
 */
async function openScheduledRun(accountId: string) {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "AppRegistration" WHERE id = ${accountId} FOR UPDATE`;
    const open = await tx.bulkRun.findFirst({
      where: { appRegistrationId: accountId, startedById: null, status: "RUNNING", tests: { some: { trigger: "SCHEDULED" } } },
      select: { id: true },
    });
    if (open) return open;
    const account = await tx.appRegistration.findUnique({ where: { id: accountId }, select: { workspaceId: true, mailboxes: { select: { id: true } } } });
    if (!account || account.mailboxes.length === 0) return null;
    const run = await tx.bulkRun.create({
      data: { workspaceId: account.workspaceId, appRegistrationId: accountId, dryRun: true, total: account.mailboxes.length },
      select: { id: true },
    });
    await tx.connectionTest.createMany({
      data: account.mailboxes.map((m) => ({
        workspaceId: account.workspaceId,
        mailboxId: m.id,
        appRegistrationId: accountId,
        bulkRunId: run.id,
        trigger: "SCHEDULED" as const,
        dryRun: true,
      })),
    });
    return run;
  });
}

/** Runs the run's tests here; any another instance took meanwhile are waited for. */
async function finishRun(bulkRunId: string) {
  const giveUp = Date.now() + WAIT_FOR_OTHERS_MS;
  for (;;) {
    await drainConnectionChecks({ bulkRunId });
    const open = await db.connectionTest.count({ where: { bulkRunId, status: { in: ["QUEUED", "RUNNING"] } } });
    if (open === 0) return;
    if (Date.now() > giveUp) throw new Error(`Scheduled run ${bulkRunId} still has ${open} unfinished tests`);
    await sleep(1_000);
  }
}

export interface CheckOutcome {
  health: AccountHealth;
  nextCheckAt: Date;
  /** The kinds of the changes announced (notification + webhook). */
  announced: string[];
}

/**
 * Stores the verdict and schedules the next check (a day later, sooner after failures), and
 * announces what changed: healthy ↔ failing, and each expiry warning (30, 14, 7 days, expired)
 * once. The account row is locked, so a change is announced once whoever evaluates it.
 */
async function recordVerdict(accountId: string, bulkRunId: string | null, now: Date): Promise<CheckOutcome | null> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "AppRegistration" WHERE id = ${accountId} FOR UPDATE`;
    const account = await tx.appRegistration.findUnique({
      where: { id: accountId },
      select: {
        id: true,
        workspaceId: true,
        label: true,
        tenant: true,
        clientId: true,
        secretExpiresOn: true,
        health: true,
        checkFailures: true,
        expiryNotifiedDays: true,
        workspace: { select: { slug: true, locale: true, timeZone: true } },
      },
    });
    if (!account) return null;
    const tests = bulkRunId
      ? await tx.connectionTest.findMany({ where: { bulkRunId }, select: { status: true, errorCode: true, diagnosis: true, mailbox: { select: { address: true } } } })
      : [];
    const failures: MailboxFailure[] = tests
      .filter((t) => t.status === "FAILED")
      .map((t) => ({ mailbox: t.mailbox.address, code: t.errorCode, title: (t.diagnosis as { title?: string } | null)?.title ?? null }));
    const health: AccountHealth = tests.length === 0 ? account.health : failures.length > 0 ? "FAILING" : "HEALTHY";
    const checkFailures = health === "FAILING" ? account.checkFailures + 1 : 0;

    const events: WorkspaceEvent[] = [];
    if (health === "FAILING" && account.health !== "FAILING") events.push(failingEvent(account, failures, tests.length));
    if (health === "HEALTHY" && account.health === "FAILING") events.push(recoveredEvent(account, tests.length));
    const expiry = secretExpiryIn(account.secretExpiresOn, account.workspace.timeZone, now);
    const warning = expiryWarningDays[expiry.level];
    const warn = warning !== null && (account.expiryNotifiedDays === null || warning < account.expiryNotifiedDays);
    if (warn) events.push(expiryEvent(account, expiry));

    const nextCheckAt = new Date(now.getTime() + nextCheckDelay(checkFailures));
    await tx.appRegistration.update({
      where: { id: account.id },
      data: { health, checkFailures, lastCheckedAt: now, nextCheckAt, ...(warn ? { expiryNotifiedDays: warning } : {}) },
    });
    for (const event of events) await notifyWorkspace(tx, account.workspaceId, event, now);
    return { health, nextCheckAt, announced: events.map((e) => e.kind) };
  });
}

/** One scheduled health check of one app registration, from queueing its tests to announcing the verdict. */
export async function runHealthCheck(accountId: string, { now = () => new Date() }: { now?: () => Date } = {}) {
  const run = await openScheduledRun(accountId);
  if (run) await finishRun(run.id);
  return recordVerdict(accountId, run?.id ?? null, now());
}
