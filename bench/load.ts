import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { db } from "@/lib/db/client";
import { startSandbox } from "@/sandbox/index";
import { addBulkAccounts } from "@/tests/helpers/bulk-accounts";
import { bulkFixture, setSandboxLatency } from "@/tests/helpers/sandbox-fixture";
import { buildApp, signIn, startApp } from "./app-server";
import { createScratchDatabase } from "./database";
import { sampleRss } from "./memory";
import { Report } from "./report";
import { BENCH_PERSON, FULL_SIZE, LARGE_WORKSPACE, largeWorkspaceIds, seedDashboard } from "./seed";
import { actionId, callAction } from "./server-action";
import { summarize } from "./stats";

/**
 * `npm run bench:load`: a production build on the full-size dashboard data, hit from 127.0.0.1 by
 * 1. a burst of concurrent Test Connections (dry runs against the sandbox, through the server
 *    action the mailbox page posts), then
 * 2. concurrent dashboard page requests for a fixed time.
 * Reports throughput, latency, errors (which must be 0) and the server's resident memory.
 */
const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "60" },
    connections: { type: "string", default: "500" },
    tests: { type: "string", default: "100" },
    latency: { type: "string", default: "50" },
  },
});
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const TESTS = Number(values.tests);
const LATENCY = Number(values.latency);
const PER_APP = 4;
const report = new Report("load");

await buildApp();
const database = await createScratchDatabase("bench_load");
process.env.DATABASE_URL = database.url;
const sandboxSetup = bulkFixture({ apps: Math.ceil(TESTS / PER_APP), mailboxesPerApp: PER_APP });
const sandbox = await startSandbox({ port: 0, fixture: sandboxSetup.fixture });
let app: Awaited<ReturnType<typeof startApp>> | undefined;
try {
  await seedDashboard(database.url, FULL_SIZE);
  await setSandboxLatency(sandbox.url, LATENCY);
  const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: LARGE_WORKSPACE } });
  const person = await db.user.findUniqueOrThrow({ where: { email: BENCH_PERSON.email } });
  await addBulkAccounts({ workspaceId: workspace.id, userId: person.id, role: "OWNER" as const }, sandboxSetup.accounts);
  const mailboxes = await db.mailbox.findMany({ where: { workspaceId: workspace.id, appRegistration: { cloud: "SANDBOX" } }, select: { id: true }, take: TESTS });

  app = await startApp({ databaseUrl: database.url, env: { M365_SANDBOX_URL: sandbox.url } });
  const cookie = await signIn(app.url, BENCH_PERSON.email, BENCH_PERSON.password);
  const memory = sampleRss(app.process.pid!);

  // ── 1. concurrent Test Connections ──
  const id = actionId("testMailboxAction");
  const started = performance.now();
  const answers = await Promise.all(
    mailboxes.map(async (mailbox) => {
      const t = performance.now();
      const answer = await callAction({
        url: app!.url,
        page: `/w/${LARGE_WORKSPACE}/mailboxes/${mailbox.id}`,
        id,
        cookie,
        fields: { workspace: LARGE_WORKSPACE, mailboxId: mailbox.id, dryRun: "on" },
      }).catch((error: Error) => ({ status: 0, ok: false, text: error.message }));
      return { ...answer, ms: performance.now() - t };
    }),
  );
  const accepted = performance.now() - started;
  const ids = mailboxes.map((m) => m.id);
  let finished = 0;
  for (const giveUp = Date.now() + 120_000; Date.now() < giveUp; await sleep(200)) {
    finished = await db.connectionTest.count({ where: { mailboxId: { in: ids }, status: { in: ["PASSED", "FAILED"] } } });
    if (finished >= answers.filter((a) => a.ok).length) break;
  }
  const done = performance.now() - started;
  const failedTests = await db.connectionTest.count({ where: { mailboxId: { in: ids }, status: "FAILED" } });
  const actionTimes = summarize(answers.map((a) => a.ms));
  report.table(`${TESTS} concurrent Test Connections (dry runs, sandbox latency ${LATENCY} ms per call, server action over HTTP, TEST_CONCURRENCY 8)`, [
    {
      "action p50 ms": actionTimes.p50,
      "action p95 ms": actionTimes.p95,
      "action p99 ms": actionTimes.p99,
      "all queued s": accepted / 1000,
      "all finished s": done / 1000,
      "tests/s": finished / (done / 1000),
      "refused actions": answers.filter((a) => !a.ok).length,
      "failed tests": failedTests,
      "unfinished tests": answers.length - finished,
    },
  ]);

  // ── 2. concurrent page requests ──
  const ids2 = await largeWorkspaceIds(database.url);
  const base = `/w/${LARGE_WORKSPACE}`;
  const paths = [base, `${base}/accounts`, `${base}/accounts/${ids2.accountId}`, `${base}/mailboxes`, `${base}/mailboxes/${ids2.mailboxId}`];
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: app!.url, connections: CONNECTIONS, duration: DURATION, timeout: 120, headers: { cookie }, requests: paths.map((path) => ({ method: "GET", path })) },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    });
  });
  const rss = memory.stop();
  const l = summarize(latencies);
  report.table(`${CONNECTIONS} concurrent page requests for ${DURATION} s (${paths.length} dashboard pages in turn, full-size data)`, [
    {
      requests: result.requests.total,
      "req/s": result.requests.average,
      "p50 ms": l.p50,
      "p95 ms": l.p95,
      "p99 ms": l.p99,
      "max ms": l.max,
      errors: result.errors,
      timeouts: result.timeouts,
      "non-2xx": result.non2xx,
      "MB/s": result.throughput.average / 2 ** 20,
    },
  ]);
  report.table("Server memory (RSS of the server process) across both runs", [{ "start MB": rss.startMb, "peak MB": rss.peakMb, "end MB": rss.endMb }]);
  report.save({ duration: DURATION, connections: CONNECTIONS, tests: TESTS, sandboxLatencyMs: LATENCY, statuses: Object.fromEntries(statuses) });
} finally {
  await app?.stop();
  await sandbox.close();
  await db.$disconnect();
  await database.drop();
}
process.exit(0);
