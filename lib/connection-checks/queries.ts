import { cloudIdOf } from "@/lib/accounts/microsoft-app";
import { APP_VERSION } from "@/lib/app-version";
import { db } from "@/lib/db/client";
import { pageCount, pageWindow } from "@/lib/db/pages";
import type { Diagnosis } from "@/lib/microsoft/catalog";
import { type ConnectionTestResult, type StepIds, type StepRecord, supportBundle } from "@/lib/microsoft/connection-check";

export const HISTORY_PAGE_SIZE = 20;

const testFields = {
  id: true,
  status: true,
  dryRun: true,
  recipient: true,
  steps: true,
  errorCode: true,
  diagnosis: true,
  microsoftIds: true,
  upstreamCalls: true,
  upstreamMs: true,
  durationMs: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const;

export async function findMailbox(workspaceId: string, mailboxId: string) {
  return db.mailbox.findFirst({
    where: { id: mailboxId, workspaceId },
    select: {
      id: true,
      address: true,
      status: true,
      lastTestedAt: true,
      connectedAs: true,
      connectedAt: true,
      reconnectReason: true,
      appRegistration: { select: { id: true, label: true, cloud: true, tenant: true, clientId: true, permissionMode: true } },
    },
  });
}

/** The newest test and a page of the mailbox's history; a test id in the URL pins the one shown. */
export async function mailboxTests(workspaceId: string, mailboxId: string, options: { testId?: string; page?: number } = {}) {
  const { page, skip, take } = pageWindow(options.page, HISTORY_PAGE_SIZE);
  const [history, total, pinned] = await Promise.all([
    db.connectionTest.findMany({
      where: { workspaceId, mailboxId },
      orderBy: { createdAt: "desc" },
      skip,
      take,
      select: testFields,
    }),
    db.connectionTest.count({ where: { workspaceId, mailboxId } }),
    options.testId ? db.connectionTest.findFirst({ where: { id: options.testId, workspaceId, mailboxId }, select: testFields }) : null,
  ]);
  return { current: pinned ?? (page === 1 ? history[0] : null) ?? null, history, total, page, pageCount: pageCount(total, HISTORY_PAGE_SIZE) };
}

export type StoredTest = NonNullable<Awaited<ReturnType<typeof mailboxTests>>["current"]>;

export function stepsOf(test: StoredTest) {
  return test.steps as unknown as StepRecord[];
}

export function diagnosisOf(test: StoredTest) {
  return (test.diagnosis as unknown as Diagnosis | null) ?? null;
}

/** A stored run, back in the pipeline's result shape, for the support bundle. */
function resultOf(test: StoredTest): ConnectionTestResult {
  const steps = stepsOf(test);
  const token = steps.find((s) => s.name === "token" && s.status === "passed")?.details;
  return {
    outcome: test.status === "PASSED" ? "passed" : "failed",
    steps,
    errorCode: test.errorCode ?? undefined,
    diagnosis: diagnosisOf(test) ?? undefined,
    ids: test.microsoftIds as unknown as StepIds[],
    startedAt: test.startedAt ?? test.createdAt,
    finishedAt: test.finishedAt ?? test.createdAt,
    durationMs: test.durationMs ?? 0,
    upstreamMs: test.upstreamMs,
    upstreamCalls: test.upstreamCalls,
    token: token
      ? {
          acquiredAt: new Date(String(token.acquiredAt)),
          expiresAt: token.expiresAt ? new Date(String(token.expiresAt)) : null,
          roles: Array.isArray(token.roles) ? token.roles : [],
          ...(Array.isArray(token.scopes) ? { scopes: token.scopes } : {}),
        }
      : undefined,
  };
}

export function diagnosticsText(
  test: StoredTest,
  mailbox: NonNullable<Awaited<ReturnType<typeof findMailbox>>>,
  workspaceName: string,
) {
  const account = mailbox.appRegistration;
  return supportBundle(resultOf(test), {
    appVersion: APP_VERSION,
    cloud: cloudIdOf(account.cloud),
    tenant: account.tenant,
    clientId: account.clientId,
    mailbox: mailbox.address,
    workspace: workspaceName,
  }).text;
}

export function isInProgress(test: { status: string } | null) {
  return test?.status === "QUEUED" || test?.status === "RUNNING";
}

/** Progress of a "Test all": counts by outcome, and the failing tests first. */
export async function bulkRunProgress(workspaceId: string, runId: string) {
  const run = await db.bulkRun.findFirst({
    where: { id: runId, workspaceId },
    select: { id: true, total: true, status: true, dryRun: true, recipient: true, createdAt: true, finishedAt: true, appRegistrationId: true },
  });
  if (!run) return null;
  const [counts, failing] = await Promise.all([
    db.connectionTest.groupBy({ by: ["status"], where: { bulkRunId: run.id }, _count: { _all: true } }),
    db.connectionTest.findMany({
      where: { bulkRunId: run.id, status: "FAILED" },
      orderBy: { finishedAt: "asc" },
      take: 100,
      select: { id: true, errorCode: true, diagnosis: true, mailbox: { select: { id: true, address: true } } },
    }),
  ]);
  const by = Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<string, number>>;
  const passed = by.PASSED ?? 0;
  const failed = by.FAILED ?? 0;
  return { run, done: passed + failed, passed, failed, failing };
}
