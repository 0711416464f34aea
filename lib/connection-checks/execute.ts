import { microsoftApp, microsoftAppFields } from "@/lib/accounts/microsoft-app";
import { APP_VERSION } from "@/lib/app-version";
import { db, type Prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { MailboxStatus } from "@/lib/db/generated/prisma/enums";
import { storedSignIn } from "@/lib/delegated/stored-sign-in";
import { logError } from "@/lib/log";
import { diagnose } from "@/lib/microsoft/catalog";
import { type ConnectionTestResult, runConnectionTest, type StepRecord, type TokenSource } from "@/lib/microsoft/connection-check";

/** Appends a finished step, so a page polling the row sees the run progress. */
async function recordStep(testId: string, step: StepRecord) {
  await db.$executeRaw`UPDATE "ConnectionTest" SET steps = steps || ${JSON.stringify([step])}::jsonb WHERE id = ${testId}`;
}

function asJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/**
 * What the run proved, as the mailbox's status: a dry run never sends, so passing one makes the mailbox Ready
 * (sending not tested), and only an accepted test message makes it Healthy.
 */
function mailboxStatus(result: ConnectionTestResult, dryRun: boolean, reconnectReason: string | null): MailboxStatus {
  if (reconnectReason) return "RECONNECT_REQUIRED";
  if (result.outcome === "failed") return "FAILING";
  return dryRun ? "READY" : "HEALTHY";
}

/**
 * Stores the outcome and moves the mailbox to what it proved, together; or to Reconnect required
 * with the reason, when Microsoft refused the mailbox's stored sign-in.
 */
async function recordResult(test: { id: string; mailboxId: string; dryRun: boolean }, result: ConnectionTestResult, reconnectReason: string | null) {
  await db.$transaction([
    db.connectionTest.update({
      where: { id: test.id },
      data: {
        status: result.outcome === "passed" ? "PASSED" : "FAILED",
        steps: asJson(result.steps),
        errorCode: result.errorCode ?? null,
        diagnosis: result.diagnosis ? asJson(result.diagnosis) : undefined,
        microsoftIds: asJson(result.ids),
        upstreamCalls: result.upstreamCalls,
        upstreamMs: Math.round(result.upstreamMs),
        durationMs: Math.round(result.durationMs),
        finishedAt: result.finishedAt,
      },
    }),
    db.mailbox.update({
      where: { id: test.mailboxId },
      data: {
        status: mailboxStatus(result, test.dryRun, reconnectReason),
        lastTestedAt: result.finishedAt,
        ...(reconnectReason || result.outcome === "passed" ? { reconnectReason } : {}),
      },
    }),
  ]);
}

/** Runs one claimed test with the account's current credentials and stores everything it learns. */
export async function executeConnectionTest(testId: string, tokenSource?: TokenSource) {
  const test = await db.connectionTest.findUniqueOrThrow({
    where: { id: testId },
    select: {
      id: true,
      dryRun: true,
      recipient: true,
      bulkRunId: true,
      mailbox: { select: { id: true, workspaceId: true, address: true } },
      workspace: { select: { name: true, locale: true, timeZone: true } },
      appRegistration: {
        select: { ...microsoftAppFields, secretExpiresOn: true, permissionMode: true },
      },
    },
  });
  // Steps from an earlier, interrupted attempt are replaced by this run's.
  await db.connectionTest.update({ where: { id: testId }, data: { steps: [] } });
  const account = test.appRegistration;
  const signIn = account.permissionMode === "DELEGATED" ? storedSignIn(test.mailbox) : undefined;
  // Step writes are chained so they land in order and all before the final result.
  let stepWrites = Promise.resolve();
  const result = await runConnectionTest(
    {
      ...microsoftApp(account),
      secretExpiresOn: account.secretExpiresOn,
      mailbox: test.mailbox.address,
      to: test.recipient ?? undefined,
      dryRun: test.dryRun,
      // A Test all of hundreds of mailboxes cannot wait for bounces one by one; Test Connection on a mailbox does.
      bounceWindowMs: test.bulkRunId ? 0 : env().BOUNCE_WAIT_SECONDS * 1000,
      workspaceName: test.workspace.name,
      dateTimePrefs: test.workspace,
      appVersion: APP_VERSION,
      tokenSource,
      delegatedTokenSource: signIn?.source,
    },
    // Progress only: the result below writes every step again. A write that fails (the database restarting) is
    // logged rather than left to reject while the run goes on, which Node would report as an unhandled rejection.
    { onStep: (step) => (stepWrites = stepWrites.then(() => recordStep(testId, step)).catch((error) => void logError(error, { testId }))) },
  );
  await stepWrites;
  await recordResult({ id: testId, mailboxId: test.mailbox.id, dryRun: test.dryRun }, result, signIn?.rejection() ?? null);
  return result;
}

/** A run that threw outside its steps: failed, with the reference of the logged error. */
export async function recordCrash(testId: string, error: unknown) {
  const reference = logError(error, { testId });
  const diagnosis = diagnose({ code: "INTERNAL_ERROR", message: `forge365 could not finish this test (reference ${reference}).` });
  const test = await db.connectionTest.update({
    where: { id: testId },
    data: { status: "FAILED", errorCode: diagnosis.code, diagnosis: asJson(diagnosis), finishedAt: new Date() },
    select: { mailboxId: true, finishedAt: true },
  });
  await db.mailbox.update({ where: { id: test.mailboxId }, data: { status: "FAILING", lastTestedAt: test.finishedAt } });
}
