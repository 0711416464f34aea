import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

/**
 * `npm run bench:test-connection`: Test Connection against the sandbox with a fixed latency L.
 * 1. Single tests: upstream calls per test, and the app's own overhead (total − time waiting on Microsoft).
 * 2. Bulk: "Test all" over 1,000 mailboxes across 50 apps, through the real queue and database,
 *    against the ideal wall time the concurrency caps allow.
 * The bulk part runs on a scratch database of its own on BENCH_POSTGRES_URL (default: the local
 * Postgres), as the dashboard and load benchmarks do; --embedded runs it on a fresh PGlite instead.
 */
const { values } = parseArgs({
  options: {
    latency: { type: "string", default: "50" },
    tests: { type: "string", default: "200" },
    apps: { type: "string", default: "50" },
    "per-app": { type: "string", default: "20" },
    embedded: { type: "boolean", default: false },
  },
});
const L = Number(values.latency);
const singleRuns = Number(values.tests);
const APPS = Number(values.apps);
const PER_APP = Number(values["per-app"]);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "forge365-bench-"));
process.env.FORGE365_DATA_DIR = dataDir;
process.env.RUN_TEST_QUEUE = "false";
process.env.LOG_LEVEL ??= "warn";

/** A fresh PGlite in the bench's data folder, migrated; drop() stops it. */
async function embeddedDatabase() {
  const { startEmbeddedDatabase } = await import("@/lib/db/embedded");
  const { deployMigrations } = await import("@/lib/db/migrations");
  const embedded = await startEmbeddedDatabase();
  await deployMigrations(embedded.url);
  return { url: embedded.url, drop: () => embedded.stop() };
}

const { summarize } = await import("./stats");
const { Report } = await import("./report");
const report = new Report("test-connection");
const { startSandbox } = await import("@/sandbox/index");
const { bulkFixture, setSandboxLatency } = await import("@/tests/helpers/sandbox-fixture");
const { runConnectionTest } = await import("@/lib/microsoft/connection-check");

const setup = bulkFixture({ apps: APPS, mailboxesPerApp: PER_APP });
const sandbox = await startSandbox({ port: 0, fixture: setup.fixture });
process.env.M365_SANDBOX_URL = sandbox.url;
await setSandboxLatency(sandbox.url, L);
// The sandbox refuses a 31st message per mailbox per minute, as Exchange's limit; the bench measures the app.
await fetch(`${sandbox.url}/_sandbox/limits`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ messagesPerMinute: 1_000_000 }) });

// ── 1. single tests ──
const account = setup.accounts[0];
const overhead: number[] = [];
const totals: number[] = [];
const calls: number[] = [];
for (let i = 0; i < singleRuns; i++) {
  const result = await runConnectionTest({
    cloud: "sandbox",
    tenant: account.tenant,
    clientId: account.clientId,
    clientSecret: account.clientSecret,
    mailbox: account.mailboxes[i % account.mailboxes.length],
    to: setup.recipient,
    dryRun: false,
    sandboxUrl: sandbox.url,
    appVersion: "bench",
  });
  if (result.outcome !== "passed") throw new Error(`single test failed: ${result.errorCode}`);
  totals.push(result.durationMs);
  overhead.push(result.durationMs - result.upstreamMs);
  calls.push(result.upstreamCalls);
}
const t = summarize(totals);
const o = summarize(overhead);
report.table(`Test Connection, one mailbox at a time (sandbox latency ${L} ms per call, ${singleRuns} runs)`, [
  { measure: "upstream calls per test", p50: summarize(calls).p50, p95: summarize(calls).p95 },
  { measure: "total ms", p50: t.p50, p95: t.p95 },
  { measure: "app overhead ms (total − upstream)", p50: o.p50, p95: o.p95 },
]);

// ── 2. bulk through the queue and the database ──
const database = values.embedded ? await embeddedDatabase() : await (await import("./database")).createScratchDatabase("bench_tc");
process.env.DATABASE_URL = database.url;
const { db } = await import("@/lib/db/client");
const { addBulkAccounts } = await import("@/tests/helpers/bulk-accounts");
const { enqueueBulkRun } = await import("@/lib/connection-checks/enqueue");
const { queueLimits } = await import("@/lib/jobs/connection-check-queue");
const { drainConnectionChecks } = await import("@/lib/jobs/connection-check-runner");

const owner = await db.user.create({ data: { email: `bench-${Date.now()}@example.test` } });
const workspace = await db.workspace.create({
  data: { slug: `bench-${Date.now()}`, name: "Bench", memberships: { create: { userId: owner.id, role: "OWNER" } } },
});
const actor = { workspaceId: workspace.id, userId: owner.id, role: "OWNER" as const };
await addBulkAccounts(actor, setup.accounts);
const limits = queueLimits();
const rows: Array<Record<string, string | number>> = [];
for (const dryRun of [true, false]) {
  const run = await enqueueBulkRun(actor, {}, { dryRun, recipient: setup.recipient });
  const started = performance.now();
  await drainConnectionChecks({ workspaceId: workspace.id }, limits);
  const wall = performance.now() - started;
  const tests = await db.connectionTest.findMany({ where: { bulkRunId: run.id }, select: { status: true, upstreamCalls: true } });
  const passed = tests.filter((x) => x.status === "PASSED").length;
  const perTest = tests.reduce((sum, x) => sum + x.upstreamCalls, 0) / tests.length;
  // Each test's calls are sequential; the caps allow `concurrency` tests at once (per-app cap ≥ tests per app at a time).
  const ideal = (tests.length * perTest * L) / limits.concurrency;
  rows.push({
    run: dryRun ? "dry run" : "send",
    mailboxes: tests.length,
    passed,
    "calls/test": perTest,
    "wall s": wall / 1000,
    "ideal s": ideal / 1000,
    "wall/ideal": wall / ideal,
    "tests/s": tests.length / (wall / 1000),
  });
}
report.table(`Test all: ${APPS * PER_APP} mailboxes across ${APPS} apps (concurrency ${limits.concurrency}, ${limits.perApp} per app, latency ${L} ms, ${values.embedded ? "embedded PGlite" : "Postgres"})`, rows);

report.save({ database: values.embedded ? "pglite" : "postgres", latencyMs: L, singleRuns, apps: APPS, perApp: PER_APP, concurrency: limits.concurrency, perAppLimit: limits.perApp });
await db.$disconnect();
await sandbox.close();
await database.drop();
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
