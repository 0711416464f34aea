import { microsoftApp, microsoftAppFields } from "@/lib/accounts/microsoft-app";
import { APP_VERSION } from "@/lib/app-version";
import { db, type Prisma } from "@/lib/db/client";
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
 * Stores the outcome and moves the mailbox to healthy or failing, together; or to Reconnect required
 * with the reason, when Microsoft refused the mailbox's stored sign-in.
 */
async function recordResult(testId: string, mailboxId: string, result: ConnectionTestResult, reconnectReason: string | null) {
  await db.$transaction([
    db.connectionTest.update({
      where: { id: testId },
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
      where: { id: mailboxId },
      data: {
        status: reconnectReason ? "RECONNECT_REQUIRED" : result.outcome === "passed" ? "HEALTHY" : "FAILING",
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
      workspaceName: test.workspace.name,
      dateTimePrefs: test.workspace,
      appVersion: APP_VERSION,
      tokenSource,
      delegatedTokenSource: signIn?.source,
    },
    { onStep: (step) => (stepWrites = stepWrites.then(() => recordStep(testId, step))) },
  );
  await stepWrites;
  await recordResult(testId, test.mailbox.id, result, signIn?.rejection() ?? null);
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
