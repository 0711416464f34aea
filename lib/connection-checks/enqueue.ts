import { recordActorEvent } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { UserFacingError } from "@/lib/errors";
import type { Actor } from "@/lib/workspaces/actor";
import { mailboxesAtSendLimit, minutesUntilNextTestSend, sendLimitMessage } from "./send-limit";

export interface TestRequest {
  /** Where the test mail goes; absent for a dry run. */
  recipient?: string;
  dryRun: boolean;
}

/** Queues a Test Connection of one mailbox of the actor's workspace. */
export async function enqueueMailboxTest(actor: Actor, mailboxId: string, request: TestRequest) {
  const mailbox = await db.mailbox.findFirst({
    where: { id: mailboxId, workspaceId: actor.workspaceId },
    select: { id: true, address: true, appRegistrationId: true },
  });
  if (!mailbox) throw new UserFacingError("This mailbox is no longer in this workspace.");
  if (!request.dryRun) {
    const wait = await minutesUntilNextTestSend(mailbox.id);
    if (wait > 0) throw new UserFacingError(sendLimitMessage(wait));
  }
  return db.$transaction(async (tx) => {
    const test = await tx.connectionTest.create({
      data: {
        workspaceId: actor.workspaceId,
        mailboxId: mailbox.id,
        appRegistrationId: mailbox.appRegistrationId,
        startedById: actor.userId,
        dryRun: request.dryRun,
        recipient: request.dryRun ? null : request.recipient,
      },
      select: { id: true },
    });
    await recordActorEvent(tx, actor, {
      action: "test.run",
      target: { type: "Mailbox", id: mailbox.id, label: mailbox.address },
      metadata: { testId: test.id, dryRun: request.dryRun, recipient: request.dryRun ? null : (request.recipient ?? null) },
    });
    return test;
  });
}

/**
 * Queues "Test all" for an account, or for the whole workspace. Mailboxes that reached the test-mail
 * limit are tested without sending, so a large batch never floods one mailbox.
 */
export async function enqueueBulkRun(actor: Actor, scope: { accountId?: string }, request: TestRequest) {
  return db.$transaction(async (tx) => {
    const account = scope.accountId
      ? await tx.appRegistration.findFirst({ where: { id: scope.accountId, workspaceId: actor.workspaceId }, select: { id: true, label: true } })
      : null;
    if (scope.accountId && !account) throw new UserFacingError("This account no longer exists in this workspace.");
    const mailboxes = await tx.mailbox.findMany({
      where: { workspaceId: actor.workspaceId, ...(scope.accountId ? { appRegistrationId: scope.accountId } : {}) },
      select: { id: true, appRegistrationId: true },
      orderBy: { address: "asc" },
    });
    if (mailboxes.length === 0) throw new UserFacingError("There are no mailboxes to test yet.");
    const atLimit = request.dryRun ? new Set<string>() : await mailboxesAtSendLimit(tx, mailboxes.map((m) => m.id));
    const run = await tx.bulkRun.create({
      data: {
        workspaceId: actor.workspaceId,
        appRegistrationId: scope.accountId ?? null,
        startedById: actor.userId,
        dryRun: request.dryRun,
        recipient: request.dryRun ? null : request.recipient,
        total: mailboxes.length,
      },
      select: { id: true },
    });
    await tx.connectionTest.createMany({
      data: mailboxes.map((m) => ({
        workspaceId: actor.workspaceId,
        mailboxId: m.id,
        appRegistrationId: m.appRegistrationId,
        bulkRunId: run.id,
        trigger: "BULK",
        startedById: actor.userId,
        dryRun: request.dryRun || atLimit.has(m.id),
        recipient: request.dryRun || atLimit.has(m.id) ? null : request.recipient,
      })),
    });
    await recordActorEvent(tx, actor, {
      action: "test.run_all",
      target: account ? { type: "AppRegistration", id: account.id, label: account.label } : { type: "Workspace", id: actor.workspaceId },
      metadata: { bulkRunId: run.id, mailboxes: mailboxes.length, dryRun: request.dryRun },
    });
    return run;
  });
}
