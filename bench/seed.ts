import pg from "pg";
import { hashPassword } from "@/lib/auth/password";

export interface SeedSize {
  workspaces: number;
  apps: number;
  mailboxesPerApp: number;
  testsPerMailbox: number;
}

/** The brief's full size: 100 workspaces, 2,000 app registrations, 10,000 mailboxes, 50,000 tests. */
export const FULL_SIZE: SeedSize = { workspaces: 100, apps: 2_000, mailboxesPerApp: 5, testsPerMailbox: 5 };

export function scaled(size: SeedSize, factor: number): SeedSize {
  return { ...size, workspaces: Math.max(2, Math.round(size.workspaces * factor)), apps: Math.max(4, Math.round(size.apps * factor)) };
}

export const BENCH_PERSON = { email: "bench@forge365.local", password: "forge365-bench-password" };
/** The large workspace holds a quarter of all app registrations; the others share the rest. */
export const LARGE_WORKSPACE = "bench-1";
export const LARGE_SHARE = 0.25;

/** Five finished steps, as a passed dry run stores them: history rows weigh what real ones do. */
const STEPS = JSON.stringify([
  { name: "configuration", status: "passed", durationMs: 1, summary: "Settings are complete and the secret opens." },
  { name: "token", status: "passed", durationMs: 180, summary: "Microsoft issued a fresh app-only token.", details: { roles: ["Mail.Send", "User.Read.All"], acquiredAt: "2026-01-01T00:00:00.000Z" } },
  { name: "permissions", status: "passed", durationMs: 0, summary: "The token carries Mail.Send." },
  { name: "mailbox", status: "passed", durationMs: 95, summary: "The mailbox exists and has Exchange Online." },
  { name: "send", status: "skipped", durationMs: 0, summary: "Dry run: no mail sent." },
]);
const FAILED_DIAGNOSIS = JSON.stringify({ code: "ErrorAccessDenied", title: "Access is denied", cause: "The app lacks Mail.Send.", fix: "Grant Mail.Send and admin consent." });

/**
 * Fills a fresh database in a few set-based statements (generate_series), so 10,000 mailboxes and
 * their history take seconds. Sealed secrets are placeholders: the pages measured never open one.
 */
export async function seedDashboard(url: string, size: SeedSize) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  const large = Math.round(size.apps * LARGE_SHARE);
  const params = { W: size.workspaces, A: size.apps, L: large, M: size.mailboxesPerApp, T: size.testsPerMailbox };
  const workspaceOfApp = `'cbws' || lpad((CASE WHEN a <= ${params.L} THEN 1 ELSE 2 + ((a - ${params.L} - 1) % (${params.W} - 1)) END)::text, 6, '0')`;
  const statements = [
    `INSERT INTO "User"(id, name, email, "passwordHash", "updatedAt")
       SELECT 'cbus' || lpad(w::text, 6, '0'), 'Owner ' || w, 'owner-' || w || '@bench.test', NULL, now() FROM generate_series(1, ${params.W}) w`,
    `INSERT INTO "Workspace"(id, slug, name, environment, "updatedAt")
       SELECT 'cbws' || lpad(w::text, 6, '0'), 'bench-' || w, 'Bench client ' || lpad(w::text, 3, '0'),
              (CASE WHEN w % 2 = 0 THEN 'PRODUCTION' ELSE 'TEST' END)::"WorkspaceEnvironment", now()
       FROM generate_series(1, ${params.W}) w`,
    `INSERT INTO "Membership"(id, "workspaceId", "userId", role)
       SELECT 'cbmo' || lpad(w::text, 6, '0'), 'cbws' || lpad(w::text, 6, '0'), 'cbus' || lpad(w::text, 6, '0'), 'OWNER' FROM generate_series(1, ${params.W}) w
       UNION ALL
       SELECT 'cbmp' || lpad(w::text, 6, '0'), 'cbws' || lpad(w::text, 6, '0'), 'cbusbenchperson', (CASE WHEN w = 1 THEN 'ADMIN' ELSE 'MEMBER' END)::"Role" FROM generate_series(1, ${params.W}) w`,
    // Secret expiries spread from a month ago to two years ahead, so Needs attention has work to do.
    `INSERT INTO "AppRegistration"(id, "workspaceId", label, tenant, "clientId", "clientSecretSealed", "clientSecretHint", "secretExpiresOn", "createdById", "createdAt", "updatedAt")
       SELECT 'cbap' || lpad(a::text, 7, '0'), ${workspaceOfApp}, 'Client app ' || lpad(a::text, 5, '0'),
              'tenant' || a || '.onmicrosoft.com', md5(a::text)::uuid::text, 'bench:placeholder', 'Bk' || (a % 10),
              current_date + ((a * 37) % 800 - 30), 'cbusbenchperson', now() - make_interval(mins => a), now()
       FROM generate_series(1, ${params.A}) a`,
    `INSERT INTO "Mailbox"(id, "workspaceId", "appRegistrationId", address, status, "lastTestedAt")
       SELECT 'cbmb' || substr(ap.id, 5) || 'm' || m, ap."workspaceId", ap.id, 'box' || m || '-' || substr(ap.id, 5) || '@' || ap.tenant,
              (CASE WHEN (hashtext(ap.id) + m) % 10 = 0 THEN 'FAILING' WHEN (hashtext(ap.id) + m) % 20 = 1 THEN 'UNTESTED' ELSE 'HEALTHY' END)::"MailboxStatus",
              now() - make_interval(hours => m)
       FROM "AppRegistration" ap CROSS JOIN generate_series(1, ${params.M}) m`,
    `INSERT INTO "ConnectionTest"(id, "workspaceId", "mailboxId", "appRegistrationId", "startedById", status, "dryRun", steps, "errorCode", diagnosis,
                                  "upstreamCalls", "upstreamMs", "durationMs", "createdAt", "startedAt", "finishedAt")
       SELECT 'cbct' || substr(mb.id, 5) || 't' || t, mb."workspaceId", mb.id, mb."appRegistrationId", 'cbusbenchperson',
              (CASE WHEN t = 1 AND mb.status = 'FAILING' THEN 'FAILED' ELSE 'PASSED' END)::"TestRunStatus", true, '${STEPS}'::jsonb,
              CASE WHEN t = 1 AND mb.status = 'FAILING' THEN 'ErrorAccessDenied' END,
              CASE WHEN t = 1 AND mb.status = 'FAILING' THEN '${FAILED_DIAGNOSIS}'::jsonb END,
              2, 275, 290, now() - make_interval(days => t), now() - make_interval(days => t), now() - make_interval(days => t)
       FROM "Mailbox" mb CROSS JOIN generate_series(1, ${params.T}) t`,
    `INSERT INTO "AuditEvent"(id, "workspaceId", "actorId", action, "targetType", "targetId", "targetLabel", "ipAddress", metadata, "createdAt")
       SELECT 'cbae' || substr(ap.id, 5), ap."workspaceId", 'cbusbenchperson', 'account.added', 'AppRegistration', ap.id, ap.label, '127.0.0.1',
              jsonb_build_object('tenant', ap.tenant, 'clientId', ap."clientId", 'mailboxes', ${params.M}), ap."createdAt"
       FROM "AppRegistration" ap
       UNION ALL
       SELECT 'cbaf' || substr(ct.id, 5), ct."workspaceId", 'cbusbenchperson', 'test.run', 'Mailbox', ct."mailboxId", NULL, '127.0.0.1',
              jsonb_build_object('testId', ct.id, 'dryRun', true), ct."createdAt"
       FROM "ConnectionTest" ct`,
    "ANALYZE",
  ];
  try {
    await client.query(`INSERT INTO "User"(id, name, email, "passwordHash", "updatedAt") VALUES ('cbusbenchperson', 'Bench person', $1, $2, now())`, [
      BENCH_PERSON.email,
      await hashPassword(BENCH_PERSON.password),
    ]);
    for (const sql of statements) await client.query(sql);
    const counts = await client.query<{ table: string; rows: string }>(
      `SELECT 'workspaces' AS table, count(*) AS rows FROM "Workspace" UNION ALL SELECT 'app registrations', count(*) FROM "AppRegistration"
       UNION ALL SELECT 'mailboxes', count(*) FROM "Mailbox" UNION ALL SELECT 'connection tests', count(*) FROM "ConnectionTest"
       UNION ALL SELECT 'audit events', count(*) FROM "AuditEvent"`,
    );
    return { seconds: (performance.now() - started) / 1000, rows: Object.fromEntries(counts.rows.map((r) => [r.table, Number(r.rows)])) };
  } finally {
    await client.end();
  }
}

/** Ids of records in the large workspace, for the pages with a dynamic segment. */
export async function largeWorkspaceIds(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ account: string; mailbox: string }>(
      `SELECT ap.id AS account, (SELECT mb.id FROM "Mailbox" mb WHERE mb."appRegistrationId" = ap.id ORDER BY mb.address LIMIT 1) AS mailbox
       FROM "AppRegistration" ap JOIN "Workspace" w ON w.id = ap."workspaceId" WHERE w.slug = $1 ORDER BY ap."createdAt" DESC LIMIT 1`,
      [LARGE_WORKSPACE],
    );
    return { accountId: rows[0].account, mailboxId: rows[0].mailbox };
  } finally {
    await client.end();
  }
}
