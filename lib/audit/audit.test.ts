import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, deleteAccount, replaceClientSecret } from "@/lib/accounts/accounts";
import { addMailboxes, removeMailbox } from "@/lib/accounts/mailboxes";
import { enqueueBulkRun, enqueueMailboxTest } from "@/lib/connection-checks/enqueue";
import { db } from "@/lib/db/client";
import { configureWebhook, removeWebhook } from "@/lib/webhooks/settings";
import { actorOf } from "@/lib/workspaces/actor";
import { requireMembership } from "@/lib/workspaces/guard";
import { acceptInvitation, createInvitation, revokeInvitation } from "@/lib/workspaces/invitations";
import { changeRole, leaveWorkspace, removeMember } from "@/lib/workspaces/members";
import { updateWorkspace } from "@/lib/workspaces/workspaces";
import { DEMO_CLIENT_SECRET, DEMO_MAILBOXES } from "@/sandbox/fixtures/demo";
import { type RunningSandbox, startSandbox } from "@/sandbox/index";
import { CANARY_SECRET, createUser, createWorkspace, SANDBOX_APP } from "@/tests/helpers/factories";
import { auditCsvHeader, auditCsvRows } from "./csv";
import { allAuditEvents, auditActors, listAuditEvents } from "./list";
import type { AuditAction } from "./record";

const IP = "198.51.100.7";
let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  process.env.M365_SANDBOX_URL = sandbox.url;
});
afterAll(() => sandbox.close());

/** One workspace taken through every credential and membership event, the way the dashboard does it. */
async function eventfulWorkspace() {
  const [owner, admin, joiner, leaver] = [await createUser("owner"), await createUser("admin"), await createUser("joiner"), await createUser("leaver")];
  const workspace = await createWorkspace({ OWNER: owner, ADMIN: admin, MEMBER: leaver }, "Audited Co");
    const actor = actorOf(await requireMembership(owner.id, workspace.slug, "OWNER"), IP);

  const { id: accountId } = await createAccount(actor, {
    label: "Contoso",
    ...SANDBOX_APP,
    clientSecret: CANARY_SECRET,
    secretExpiresOn: new Date(Date.UTC(2099, 0, 1)),
    mailboxes: [{ address: DEMO_MAILBOXES.sender, line: 1 }],
  });
  await replaceClientSecret(actor, accountId, { clientSecret: DEMO_CLIENT_SECRET, secretExpiresOn: new Date(Date.UTC(2099, 5, 1)) });
  await addMailboxes(actor, accountId, [{ address: DEMO_MAILBOXES.another, line: 1 }]);
  const mailboxes = await db.mailbox.findMany({ where: { appRegistrationId: accountId }, orderBy: { address: "asc" } });
  await enqueueMailboxTest(actor, mailboxes[0].id, { dryRun: true });
  await enqueueBulkRun(actor, { accountId }, { dryRun: true });
  await removeMailbox(actor, mailboxes[1].id);

  const invited = await createInvitation(actor, { email: joiner.email, role: "MEMBER" });
  await acceptInvitation(invited.link.split("/invite/")[1], joiner, { ipAddress: IP });
  const withdrawn = await createInvitation(actor, { email: "never@example.test", role: "VIEWER" });
  await revokeInvitation(actor, withdrawn.id);
  const joined = await db.membership.findUniqueOrThrow({ where: { workspaceId_userId: { workspaceId: workspace.id, userId: joiner.id } } });
  await changeRole(actor, joined.id, "VIEWER");
  await removeMember(actor, joined.id);
  await leaveWorkspace(actorOf(await requireMembership(leaver.id, workspace.slug, "VIEWER"), IP));

  await updateWorkspace(actor, { name: "Audited Co", environment: "PRODUCTION", locale: "en-GB", timeZone: "Europe/London" });
  const { secret: webhookSecret } = await configureWebhook(actor, { url: "https://hooks.example.test/forge365", regenerate: false });
  await removeWebhook(actor);
  await deleteAccount(actor, accountId, "Contoso");
  return { workspace, owner, joiner, leaver, webhookSecret: webhookSecret! };
}

let world: Awaited<ReturnType<typeof eventfulWorkspace>>;
beforeAll(async () => {
  world = await eventfulWorkspace();
}, 60_000);

const expected: Array<[AuditAction, string]> = [
  ["account.added", "Contoso"],
  ["account.secret_replaced", "Contoso"],
  ["mailbox.added", "Contoso"],
  ["test.run", DEMO_MAILBOXES.sender],
  ["test.run_all", "Contoso"],
  ["mailbox.removed", DEMO_MAILBOXES.another],
  ["member.invited", "joiner"],
  ["member.joined", "joiner"],
  ["member.invited", "never@example.test"],
  ["member.invitation_revoked", "never@example.test"],
  ["member.role_changed", "joiner"],
  ["member.removed", "joiner"],
  ["member.left", "leaver"],
  ["workspace.updated", "Audited Co"],
  ["webhook.updated", "hooks.example.test"],
  ["webhook.removed", "Audited Co"],
  ["account.deleted", "Contoso"],
];

describe("the audit log", () => {
  it("records each credential and membership event in order, with actor, time, IP address and target", async () => {
    // A key rotation is recorded too; lib/accounts/accounts.test.ts rotates and checks its event.
    const events = await db.auditEvent.findMany({ where: { workspaceId: world.workspace.id, NOT: { action: "keys.rotated" } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(events.map((e) => [e.action, e.targetLabel])).toEqual(expected.map(([action, label]) => [action, expect.stringContaining(label)]));
    for (const e of events) {
      expect(e.ipAddress, e.action).toBe(IP);
      expect(e.actorId, e.action).not.toBeNull();
      expect(e.createdAt.getTime()).toBeGreaterThan(Date.now() - 120_000);
    }
    expect(events.find((e) => e.action === "member.joined")?.actorId).toBe(world.joiner.id);
    expect(events.find((e) => e.action === "member.left")?.actorId).toBe(world.leaver.id);
    expect(events.find((e) => e.action === "member.role_changed")?.metadata).toEqual({ from: "MEMBER", to: "VIEWER", revokedInvitations: 0 });
  });

  it("never holds a secret: not the client secrets, not the webhook's signing secret, not the invitation link", async () => {
    const raw = JSON.stringify(await db.$queryRawUnsafe(`SELECT * FROM "AuditEvent" WHERE "workspaceId" = $1`, world.workspace.id));
    for (const secret of [CANARY_SECRET, DEMO_CLIENT_SECRET, world.webhookSecret]) {
      expect(raw).not.toContain(secret);
      expect(raw).not.toContain(secret.slice(4, 20));
    }
    expect(raw).not.toMatch(/\/invite\//);
  });

  it("filters by event and by actor, pages newest first, and exports the same rows as CSV", async () => {
    const all = await listAuditEvents(world.workspace.id, {});
    expect(all.total).toBeGreaterThanOrEqual(expected.length);
    expect(all.rows[0].createdAt >= all.rows[all.rows.length - 1].createdAt).toBe(true);
    const invites = await listAuditEvents(world.workspace.id, { type: "member.invited" });
    expect(invites.rows.map((r) => r.action)).toEqual(["member.invited", "member.invited"]);
    const byJoiner = await listAuditEvents(world.workspace.id, { actor: world.joiner.id });
    expect(byJoiner.rows.map((r) => r.action)).toEqual(["member.joined"]);
    expect((await listAuditEvents(world.workspace.id, { page: 2 })).rows).toEqual([]);

    const batches = [];
    for await (const batch of allAuditEvents(world.workspace.id, {}, 5)) batches.push(batch);
    expect(batches.flat().map((r) => r.id)).toEqual(all.rows.map((r) => r.id));
    const csv = auditCsvHeader() + auditCsvRows(batches.flat(), { locale: "en-GB", timeZone: "Europe/London" });
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("time_utc,time,action,actor,actor_id,target_type,target_id,target,ip_address,details");
    expect(lines).toHaveLength(all.total + 1);
    expect(csv).toContain(`"${IP}"`);
    expect(csv).toContain(`"${world.owner.email}"`);
    expect(csv).not.toContain(CANARY_SECRET);
  });

  it("offers each person who acted once in the Who filter, by email, and nobody from another workspace", async () => {
    const actors = await auditActors(world.workspace.id);
    const people = [world.owner, world.joiner, world.leaver];
    expect(actors.map((a) => a.email)).toEqual(people.map((p) => p.email).sort((a, b) => a.localeCompare(b)));
    const stranger = await createUser("stranger");
    const elsewhere = await createWorkspace({ OWNER: stranger }, "Elsewhere");
    await db.auditEvent.create({ data: { workspaceId: elsewhere.id, actorId: stranger.id, action: "workspace.updated", targetType: "Workspace" } });
    expect((await auditActors(world.workspace.id)).map((a) => a.id)).not.toContain(stranger.id);
    expect(await auditActors(elsewhere.id)).toEqual([{ id: stranger.id, email: stranger.email }]);
  });

  it("keeps a CSV cell that looks like a formula as text", () => {
    const row = { id: "x", action: "account.added", targetType: "AppRegistration", targetId: "x", targetLabel: '=HYPERLINK("http://evil")', ipAddress: null, metadata: {}, createdAt: new Date("2027-01-02T03:04:05Z"), actor: null };
    expect(auditCsvRows([row], { locale: "en-US", timeZone: "UTC" })).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});
