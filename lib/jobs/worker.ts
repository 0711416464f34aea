import PgBoss from "pg-boss";
import { env, type EnvSource } from "@/lib/env";
import { logError, logger } from "@/lib/log";
import { deliverDueWebhooks } from "@/lib/jobs/webhook-deliveries";
import { runHealthCheck } from "./health-check";
import { deleteStaleSignInRecords } from "./sign-in-cleanup";
import { claimDueChecks } from "@/lib/health/schedule";

export const QUEUES = {
  sweep: "health-sweep",
  check: "health-check",
  webhooks: "webhook-deliveries",
  signInCleanup: "sign-in-cleanup",
} as const;

/** Checks one instance runs at once; each is itself up to "Test all" of an account's mailboxes. */
const CHECK_WORKERS = 4;

export interface WorkerOptions {
  connectionString?: string;
  /** pg-boss's own tables live in this Postgres schema, beside the app's. */
  schema?: string;
  /** Only these workspaces' accounts are swept (tests share one database; a staged roll-out could too). */
  workspaceIds?: string[];
  now?: () => Date;
  pollingIntervalSeconds?: number;
}

export function createBoss({ connectionString = env().DATABASE_URL, schema = "pgboss" }: Pick<WorkerOptions, "connectionString" | "schema"> = {}) {
  if (!connectionString) throw new Error("DATABASE_URL is not set: the worker keeps its jobs in the app's Postgres.");
  // pg-boss only polls and records job states (checks talk to Postgres through the app's own pool),
  // so two connections are plenty, and the embedded database's connection limit is left to the app.
  const boss = new PgBoss({ connectionString, schema, max: 2 });
  boss.on("error", (error) => void logError(error, { component: "worker" }));
  return boss;
}

/**
 * Queues live in Postgres: a job sent before a restart is still there after it. A check is a
 * singleton per app registration (one queued and one running at most), retried with backoff if its
 * instance dies or it throws; sweeps and webhook runs are singletons too.
 */
export async function createQueues(boss: PgBoss) {
  await boss.createQueue(QUEUES.sweep, { name: QUEUES.sweep, policy: "singleton", expireInSeconds: 5 * 60 });
  await boss.createQueue(QUEUES.check, {
    name: QUEUES.check,
    policy: "stately",
    retryLimit: 5,
    retryDelay: 60,
    retryBackoff: true,
    expireInSeconds: 15 * 60,
  });
  await boss.createQueue(QUEUES.webhooks, { name: QUEUES.webhooks, policy: "stately", expireInSeconds: 5 * 60 });
  await boss.createQueue(QUEUES.signInCleanup, { name: QUEUES.signInCleanup, policy: "singleton", expireInSeconds: 5 * 60 });
}

/** Finds due checks, claims them and queues one job each; also wakes webhook delivery for due retries. */
export async function sweep(boss: PgBoss, options: Pick<WorkerOptions, "workspaceIds" | "now"> = {}) {
  const ids = await claimDueChecks((options.now ?? (() => new Date()))(), { workspaceIds: options.workspaceIds });
  for (const accountId of ids) await boss.send(QUEUES.check, { accountId }, { singletonKey: accountId });
  await boss.send(QUEUES.webhooks, {}, { singletonKey: "deliver" });
  return ids;
}

export interface RunningWorker {
  boss: PgBoss;
  /** Sweeps now rather than at the next minute. */
  sweepNow(): Promise<string | null>;
  stop(): Promise<void>;
}

/**
 * The background worker: every minute a sweep queues the due health checks (pg-boss sends a
 * scheduled job once per minute whatever the number of instances), and any instance's workers
 * take the jobs. It runs beside the dashboard (`npm run dev`, `npm start`) or alone (`npm run worker`).
 */
export async function startWorker(options: WorkerOptions = {}): Promise<RunningWorker> {
  const boss = createBoss(options);
  await boss.start();
  await createQueues(boss);
  const now = options.now ?? (() => new Date());
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };

  await boss.work(QUEUES.sweep, polling, async () => {
    const ids = await sweep(boss, { ...options, now });
    if (ids.length) logger.info({ accounts: ids.length }, "health checks queued");
  });
  for (let i = 0; i < CHECK_WORKERS; i++) {
    await boss.work<{ accountId: string }>(QUEUES.check, polling, async ([job]) => {
      const outcome = await runHealthCheck(job.data.accountId, { now });
      logger.info({ accountId: job.data.accountId, health: outcome?.health, announced: outcome?.announced }, "health check done");
      if (outcome?.announced.length) await boss.send(QUEUES.webhooks, {}, { singletonKey: "deliver" });
    });
  }
  await boss.work(QUEUES.webhooks, polling, async () => {
    await deliverDueWebhooks({ now });
  });
  await boss.work(QUEUES.signInCleanup, polling, async () => {
    logger.info(await deleteStaleSignInRecords(now()), "stale sessions, login attempts and email links deleted");
  });
  await boss.schedule(QUEUES.sweep, "* * * * *", {}, { singletonKey: "sweep" });
  await boss.schedule(QUEUES.signInCleanup, "17 * * * *", {}, { singletonKey: "sign-in-cleanup" });

  return {
    boss,
    sweepNow: () => boss.send(QUEUES.sweep, {}, { singletonKey: "sweep" }),
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 30_000 }),
  };
}

/**
 * The worker beside the dashboard in the same process (npm run dev, npm start), unless
 * RUN_WORKER=false leaves it to separate `npm run worker` processes.
 */
export async function startWorkerUnlessDisabled(source?: EnvSource) {
  if (!env(source).RUN_WORKER) return null;
  const worker = await startWorker();
  console.log("Worker: scheduled health checks and webhooks running in this process (RUN_WORKER=false to run it apart).");
  return worker;
}
