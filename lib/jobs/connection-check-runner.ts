import { postgresTokenCache } from "@/lib/connection-checks/token-cache";
import { db } from "@/lib/db/client";
import { acquireAppToken, createConfidentialClient } from "@/lib/microsoft/msal";
import type { AppToken } from "@/lib/microsoft/msal";
import type { TokenSource } from "@/lib/microsoft/connection-check";
import { executeConnectionTest, recordCrash } from "@/lib/connection-checks/execute";
import { type ClaimedTest, drainQueue, kickQueue, type QueueLimits, queueLimits, type QueueScope, watchQueue } from "./connection-check-queue";

/**
 * In a "Test all", the first test of each app registration asks Entra for a fresh token (proving
 * the current secret) and the others reuse it; the token also lands in the shared, sealed cache.
 */
const bulkTokens = new Map<string, Promise<AppToken>>();

function bulkTokenSource(bulkRunId: string, owner: { id: string; workspaceId: string }): TokenSource {
  return (request) => {
    const key = `${bulkRunId}:${owner.id}`;
    let token = bulkTokens.get(key);
    if (!token) {
      const client = createConfidentialClient({ ...request, cachePlugin: postgresTokenCache(owner) });
      token = acquireAppToken(client, { cloud: request.cloud, skipCache: true });
      bulkTokens.set(key, token);
      // A failed request is not reused: the next mailbox's test asks again and reports for itself.
      token.catch(() => bulkTokens.delete(key));
    }
    return token;
  };
}

export async function runClaimed(claimed: ClaimedTest) {
  const test = await db.connectionTest.findUniqueOrThrow({
    where: { id: claimed.id },
    select: { bulkRunId: true, workspaceId: true },
  });
  const tokenSource = test.bulkRunId
    ? bulkTokenSource(test.bulkRunId, { id: claimed.appRegistrationId, workspaceId: test.workspaceId })
    : undefined;
  try {
    await executeConnectionTest(claimed.id, tokenSource);
  } catch (error) {
    // Whatever broke, the run ends with an answer rather than staying "running" for ever.
    await recordCrash(claimed.id, error);
  }
  if (test.bulkRunId) await closeBulkRunIfDone(test.bulkRunId);
}

async function closeBulkRunIfDone(bulkRunId: string) {
  const open = await db.connectionTest.count({ where: { bulkRunId, status: { in: ["QUEUED", "RUNNING"] } } });
  if (open > 0) return;
  await db.bulkRun.updateMany({ where: { id: bulkRunId, status: "RUNNING" }, data: { status: "DONE", finishedAt: new Date() } });
  for (const key of bulkTokens.keys()) if (key.startsWith(`${bulkRunId}:`)) bulkTokens.delete(key);
}

/** Runs the queued checks in scope here, until none is left; resolves with how many it ran. */
export function drainConnectionChecks(scope: QueueScope = {}, limits: QueueLimits = queueLimits()) {
  return drainQueue(runClaimed, limits, scope);
}

/** Makes this instance work through the queue in the background, now and from now on (idempotent). */
export function processTestQueue() {
  watchQueue(runClaimed);
  return kickQueue(runClaimed);
}
