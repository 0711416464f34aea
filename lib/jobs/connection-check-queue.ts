import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { env, type EnvSource } from "@/lib/env";
import { logError, logger } from "@/lib/log";

/**
 * Connection tests wait as QUEUED rows; any app instance may claim one (FOR UPDATE SKIP LOCKED), so
 * several instances share the work and none runs a test twice. A claim older than the claim timeout
 * is taken to be from an instance that died mid-test, and the test is run again.
 */
export interface QueueLimits {
  /** Tests running at once in this instance. */
  concurrency: number;
  /** Tests running at once for one app registration (Graph allows 4 concurrent requests per app per mailbox). */
  perApp: number;
  /** Longer than any test may run (30 s), so a live instance's claim is never taken from it. */
  claimTimeoutSeconds: number;
}

export function queueLimits(source?: EnvSource): QueueLimits {
  const { TEST_CONCURRENCY, TEST_CLAIM_TIMEOUT_SECONDS } = env(source);
  return { concurrency: TEST_CONCURRENCY, perApp: 4, claimTimeoutSeconds: TEST_CLAIM_TIMEOUT_SECONDS };
}

export interface ClaimedTest {
  id: string;
  appRegistrationId: string;
}

/** Which waiting tests a drain may take: all, one workspace's, or one run's (a scheduled health check drains its own). */
export interface QueueScope {
  workspaceId?: string;
  bulkRunId?: string;
}

/**
 * Claims the oldest test whose app registration is not already at its limit: first one whose claim
 * has timed out, else the oldest waiting one. Each half walks an index in order and stops at the
 * first row it can lock, so a claim costs the same with ten tests waiting or ten thousand; the
 * filters are only those in play, so Postgres plans each shape for what it is.
 */
export async function claimNextTest(busyApps: string[], { workspaceId, bulkRunId }: QueueScope, claimTimeoutSeconds: number): Promise<ClaimedTest | null> {
  const scope = Prisma.sql`NOT ("appRegistrationId" = ANY(${busyApps}::text[]))${workspaceId ? Prisma.sql` AND "workspaceId" = ${workspaceId}` : Prisma.empty}${bulkRunId ? Prisma.sql` AND "bulkRunId" = ${bulkRunId}` : Prisma.empty}`;
  const rows = await db.$queryRaw<ClaimedTest[]>`
    WITH stale AS (
      SELECT id FROM "ConnectionTest"
      WHERE status = 'RUNNING' AND "claimedAt" < now() - make_interval(secs => ${claimTimeoutSeconds}) AND ${scope}
      ORDER BY "createdAt", id LIMIT 1 FOR UPDATE SKIP LOCKED
    ), queued AS (
      SELECT id FROM "ConnectionTest"
      WHERE status = 'QUEUED' AND ${scope}
      ORDER BY "createdAt", id LIMIT 1 FOR UPDATE SKIP LOCKED
    )
    UPDATE "ConnectionTest" SET status = 'RUNNING', "claimedAt" = now(), "startedAt" = COALESCE("startedAt", now())
    WHERE id = COALESCE((SELECT id FROM stale), (SELECT id FROM queued))
    RETURNING id, "appRegistrationId"`;
  return rows[0] ?? null;
}

/**
 * Runs queued tests (of one workspace, or all) until none is left, within the limits. Resolves with
 * the number of tests run once the queue is empty and every started test has finished.
 */
export async function drainQueue(
  run: (test: ClaimedTest) => Promise<void>,
  limits: QueueLimits = queueLimits(),
  scope: QueueScope = {},
) {
  const perApp = new Map<string, number>();
  const active = new Set<Promise<void>>();
  let started = 0;
  for (;;) {
    if (active.size >= limits.concurrency) {
      await Promise.race(active);
      continue;
    }
    const busy = [...perApp].filter(([, n]) => n >= limits.perApp).map(([app]) => app);
    const claimed = await claimNextTest(busy, scope, limits.claimTimeoutSeconds);
    if (!claimed) {
      if (active.size === 0) return started;
      await Promise.race(active);
      continue;
    }
    started++;
    perApp.set(claimed.appRegistrationId, (perApp.get(claimed.appRegistrationId) ?? 0) + 1);
    const task: Promise<void> = run(claimed)
      .catch((error) => void logError(error, { testId: claimed.id }))
      .finally(() => {
        active.delete(task);
        perApp.set(claimed.appRegistrationId, (perApp.get(claimed.appRegistrationId) ?? 1) - 1);
      });
    active.add(task);
  }
}

let draining: Promise<void> | null = null;
let again = false;

/**
 * Starts draining in the background, once per instance; a call while a drain runs makes it look
 * again when it ends, so work enqueued meanwhile is never left waiting.
 */
export function kickQueue(run: (test: ClaimedTest) => Promise<void>) {
  // An instance can leave tests to others (RUN_TEST_QUEUE=false), e.g. a web tier beside workers.
  if (!env().RUN_TEST_QUEUE) return Promise.resolve();
  if (draining) {
    again = true;
    return draining;
  }
  draining = (async () => {
    let ran = 0;
    do {
      again = false;
      ran += await drainQueue(run);
    } while (again);
    if (ran) logger.debug({ ran }, "test queue idle");
  })()
    .catch((error) => void logError(error, { component: "test-queue" }))
    .finally(() => {
      draining = null;
    });
  return draining;
}

/** How often an instance looks at the queue without being asked. */
const WATCH_INTERVAL_MS = 5_000;
let watching: NodeJS.Timeout | null = null;

/**
 * Also looks at the queue every few seconds, unasked: tests queued by an instance that leaves the
 * work to others, tests abandoned by an instance that died, and tests whose drain a database outage
 * cut short are all taken up without waiting for this instance's next enqueue.
 */
export function watchQueue(run: (test: ClaimedTest) => Promise<void>) {
  if (!env().RUN_TEST_QUEUE || watching) return;
  watching = setInterval(() => void kickQueue(run), WATCH_INTERVAL_MS);
  watching.unref();
}
