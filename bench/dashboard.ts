import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { appDir, buildApp, signIn, startApp } from "./app-server";
import { createScratchDatabase } from "./database";
import { Report } from "./report";
import { BENCH_PERSON, FULL_SIZE, LARGE_SHARE, LARGE_WORKSPACE, largeWorkspaceIds, scaled, seedDashboard, type SeedSize } from "./seed";
import { startStatementCounter, throughCounter } from "./statement-counter";
import { summarize } from "./stats";

/**
 * `npm run bench:dashboard`: the pages an admin of the largest workspace opens, against a
 * production build on a seeded database, at two data sizes (a tenth, then the full size). For
 * each page: server response time (request to last byte) and the SQL statements it sends, which
 * must not grow with the data.
 */
const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "30" },
    scales: { type: "string", default: "0.1,1" },
  },
});
const REQUESTS = Number(values.requests);
const SCALES = values.scales.split(",").map(Number);
const report = new Report("dashboard");

function pagesOf(ids: { accountId: string; mailboxId: string }, size: SeedSize) {
  const base = `/w/${LARGE_WORKSPACE}`;
  const apps = Math.round(size.apps * LARGE_SHARE);
  const mailboxes = apps * size.mailboxesPerApp;
  // One "account added" per app and one "test run" per test, as seeded.
  const events = apps + mailboxes * size.testsPerMailbox;
  const pages: Array<[string, string]> = [
    ["overview", base],
    ["accounts list", `${base}/accounts`],
    ["account page", `${base}/accounts/${ids.accountId}`],
    ["mailboxes", `${base}/mailboxes`],
    ["mailboxes, last page", `${base}/mailboxes?page=${Math.ceil(mailboxes / 50)}`],
    ["mailboxes, search", `${base}/mailboxes?q=box3-`],
    ["mailbox page", `${base}/mailboxes/${ids.mailboxId}`],
  ];
  if (fs.existsSync(path.join(appDir, "app/w/[slug]/audit/page.tsx"))) {
    pages.push(["audit log", `${base}/audit`], ["audit log, last page", `${base}/audit?page=${Math.ceil(events / 50)}`]);
  } else {
    report.note("The audit log page does not exist in this build: skipped.");
  }
  return pages;
}

async function measureAt(factor: number) {
  const size = scaled(FULL_SIZE, factor);
  const database = await createScratchDatabase(`bench_dash_${String(factor).replace(".", "_")}`);
  const counter = await startStatementCounter({ host: new URL(database.url).hostname, port: Number(new URL(database.url).port || 5432) });
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  try {
    const seeded = await seedDashboard(database.url, size);
    report.table(`Seeded in ${seeded.seconds.toFixed(1)} s`, [seeded.rows]);
    // No test queue: its periodic look at the queue would be counted against whichever page was open.
    app = await startApp({ databaseUrl: throughCounter(database.url, counter.port), env: { RUN_TEST_QUEUE: "false" } });
    const cookie = await signIn(app.url, BENCH_PERSON.email, BENCH_PERSON.password);
    const ids = await largeWorkspaceIds(database.url);
    const rows: Array<Record<string, string | number>> = [];
    for (const [name, pathname] of pagesOf(ids, size)) {
      const timings: number[] = [];
      const statements: number[] = [];
      let bytes = 0;
      for (let i = 0; i < REQUESTS + 3; i++) {
        const before = counter.count();
        const started = performance.now();
        const response = await fetch(`${app.url}${pathname}`, { headers: { cookie }, redirect: "manual" });
        const body = await response.text();
        const elapsed = performance.now() - started;
        bytes = Buffer.byteLength(body);
        if (response.status !== 200) throw new Error(`${pathname}: HTTP ${response.status} ${body.slice(0, 200)}`);
        // Anything the page sends after its last byte (deferred work) still counts as the page's.
        await sleep(30);
        // The first requests warm the server's caches and connection pool; they are not counted.
        if (i < 3) continue;
        timings.push(elapsed);
        statements.push(counter.count() - before);
      }
      const t = summarize(timings);
      const s = summarize(statements);
      rows.push({ page: name, "p50 ms": t.p50, "p95 ms": t.p95, "p99 ms": t.p99, statements: s.p50, "statements max": s.max, "HTML kB": bytes / 1024 });
    }
    report.table(
      `Dashboard at ${factor}× (${size.workspaces} workspaces, ${size.apps} apps, ${size.apps * size.mailboxesPerApp} mailboxes; "${LARGE_WORKSPACE}" holds a quarter), ${REQUESTS} sequential requests per page`,
      rows,
    );
    return { factor, size, rows };
  } finally {
    await app?.stop();
    await counter.close();
    await database.drop();
  }
}

await buildApp();
const runs = [];
for (const factor of SCALES) runs.push(await measureAt(factor));
if (runs.length > 1) {
  const [small, large] = [runs[0], runs.at(-1)!];
  report.table(
    `Growth from ${small.factor}× to ${large.factor}× the data`,
    small.rows.map((row, i) => ({
      page: row.page,
      [`statements ${small.factor}×`]: row.statements,
      [`statements ${large.factor}×`]: large.rows[i].statements,
      [`p50 ms ${small.factor}×`]: row["p50 ms"],
      [`p50 ms ${large.factor}×`]: large.rows[i]["p50 ms"],
      [`HTML kB ${small.factor}×`]: row["HTML kB"],
      [`HTML kB ${large.factor}×`]: large.rows[i]["HTML kB"],
    })),
  );
}
report.save({ requests: REQUESTS, scales: SCALES, full: FULL_SIZE });
process.exit(0);
