import { isRedirectError } from "next/dist/client/components/redirect-error";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import { executeWorkspaceAction, type WorkspaceActionDefinition } from "@/lib/actions/workspace-action";
import type { CurrentUser } from "@/lib/auth/current-user";
import { seal } from "@/lib/crypto";
import { db } from "@/lib/db/client";
import { refreshTokenContext } from "@/lib/delegated/sealed";
import { hasRole, ROLES, type Role } from "@/lib/workspaces/roles";
import { createAccountIn, createUser, createWorkspace, form, SANDBOX_APP, workspaceFingerprint } from "@/tests/helpers/factories";
import { DEMO_CLIENT_SECRET } from "@/sandbox/fixtures/demo";
import { type RunningSandbox, startSandbox } from "@/sandbox/index";
import { discoveredActions } from "./workspace-actions";

// Replacing a secret asks Microsoft first: the world's account lives in the sandbox's demo tenant.
let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  process.env.M365_SANDBOX_URL = sandbox.url;
});
afterAll(() => sandbox.close());

/**
 * A workspace with one person per role, plus the records actions can target. Actions receive the
 * ids of the *target* workspace, so a call through another workspace is an attempt to reach across.
 */
async function world() {
  const people = Object.fromEntries(await Promise.all(ROLES.map(async (r) => [r, await createUser(r.toLowerCase())]))) as Record<Role, CurrentUser>;
  const extra = await createUser("extra");
  const workspace = await createWorkspace({ ...people, MEMBER: [people.MEMBER, extra] });
  const invitation = await db.invitation.create({
    data: { workspaceId: workspace.id, email: "pending@example.test", role: "VIEWER", tokenHash: `hash-${workspace.id}`, expiresAt: new Date(Date.now() + 86_400_000), invitedById: people.OWNER.id },
  });
  const extraMembership = await db.membership.findUniqueOrThrow({ where: { workspaceId_userId: { workspaceId: workspace.id, userId: extra.id } } });
  const account = await createAccountIn(workspace.id, people.OWNER.id, undefined, SANDBOX_APP);
  // Connect and Disconnect act on a delegated account's mailbox, signed in once so it can be disconnected.
  const delegated = await createAccountIn(workspace.id, people.OWNER.id, ["signed-in@contoso.test"], SANDBOX_APP);
  await db.appRegistration.update({ where: { id: delegated.id }, data: { permissionMode: "DELEGATED" } });
  const signedIn = delegated.mailboxes[0];
  await db.mailbox.update({
    where: { id: signedIn.id },
    data: { refreshTokenSealed: seal("refresh-token", refreshTokenContext(signedIn)), connectedAs: signedIn.address, connectedAt: new Date() },
  });
  return {
    people,
    workspace,
    account,
    ids: {
      membershipId: extraMembership.id,
      invitationId: invitation.id,
      accountId: account.id,
      mailboxId: account.mailboxes[0].id,
      delegatedMailboxId: signedIn.id,
    },
  };
}
type World = Awaited<ReturnType<typeof world>>;

/** A valid input per action. The matrix fails when an action has none, so none can be skipped. */
const validInput: Record<string, (w: World) => Record<string, string>> = {
  "workspace.update": () => ({ name: "Renamed", environment: "PRODUCTION", locale: "en-GB", timeZone: "Europe/London" }),
  "workspace.setWebhook": () => ({ url: "https://hooks.example.test/forge365" }),
  "workspace.removeWebhook": () => ({}),
  "workspace.requireTwoFactor": () => ({ requireTwoFactor: "off" }),
  "notifications.markRead": () => ({}),
  "members.invite": () => ({ email: "newcomer@example.test", role: "MEMBER" }),
  "members.changeRole": (w) => ({ membershipId: w.ids.membershipId, role: "VIEWER" }),
  "members.remove": (w) => ({ membershipId: w.ids.membershipId }),
  "members.revokeInvitation": (w) => ({ invitationId: w.ids.invitationId }),
  "members.leave": () => ({}),
  "accounts.create": () => ({
    label: "New account",
    tenant: "fabrikam.onmicrosoft.com",
    clientId: "11112222-aaaa-3333-bbbb-4444cccc5555",
    clientSecret: "Ab3~valid-looking-secret-value-1234567890",
    secretExpiresOn: "12/31/2099",
    mailboxes: "new@fabrikam.test",
    cloud: "GLOBAL",
  }),
  "accounts.replaceSecret": (w) => ({ accountId: w.ids.accountId, clientSecret: DEMO_CLIENT_SECRET, secretExpiresOn: "12/31/2099" }),
  "accounts.update": (w) => ({ accountId: w.ids.accountId, label: "Relabelled", secretExpiresOn: "12/31/2099" }),
  "accounts.delete": (w) => ({ accountId: w.ids.accountId, confirmation: w.account.label }),
  "mailboxes.add": (w) => ({ accountId: w.ids.accountId, mailboxes: "added@contoso.test" }),
  "mailboxes.remove": (w) => ({ mailboxId: w.ids.mailboxId }),
  "tests.run": (w) => ({ mailboxId: w.ids.mailboxId, recipient: "me@example.test" }),
  "tests.runAll": (w) => ({ accountId: w.ids.accountId, dryRun: "on" }),
  "mailboxes.connect": (w) => ({ mailboxId: w.ids.delegatedMailboxId }),
  "mailboxes.disconnect": (w) => ({ mailboxId: w.ids.delegatedMailboxId }),
};

async function call(definition: WorkspaceActionDefinition, user: CurrentUser, slug: string, input: Record<string, string>): Promise<ActionResult<unknown> | "redirected"> {
  try {
    return await executeWorkspaceAction(definition, user, form({ ...input, workspace: slug }));
  } catch (error) {
    if (isRedirectError(error)) return "redirected";
    throw error;
  }
}

const definitions = discoveredActions.map((a) => a.definition).filter((d): d is WorkspaceActionDefinition => Boolean(d));

describe("every workspace action goes through the guard", () => {
  it("discovers the actions", () => {
    expect(discoveredActions.length).toBeGreaterThanOrEqual(6);
  });

  it.each(discoveredActions.map((a) => [`${a.file}#${a.exportName}`, a] as const))("%s is built with workspaceAction()", (_, action) => {
    expect(action.definition, "export a workspaceAction(...) so the guard runs").toBeDefined();
  });

  it("has a sample input for every action, and none for actions that no longer exist", () => {
    expect(Object.keys(validInput).sort()).toEqual(definitions.map((d) => d.name).sort());
  });

  it("only self-service actions are open to viewers", () => {
    const open = definitions.filter((d) => d.role === "VIEWER").map((d) => d.name);
    expect(open.sort()).toEqual(["members.leave", "notifications.markRead"]);
  });
});

describe.each(definitions.map((d) => [d.name, d] as const))("%s", (name, definition) => {
  let target: World;
  let outsider: World;
  beforeAll(async () => {
    [target, outsider] = await Promise.all([world(), world()]);
  });

  it("answers a non-member with 'Workspace not found' and changes nothing", async () => {
    const before = await workspaceFingerprint(target.workspace.id);
    const result = await call(definition, outsider.people.OWNER, target.workspace.slug, validInput[name](target));
    expect(result).toMatchObject({ ok: false, error: "Workspace not found" });
    expect(await workspaceFingerprint(target.workspace.id)).toBe(before);
  });

  it("answers a signed-out caller with 'Workspace not found'", async () => {
    const result = await executeWorkspaceAction(definition, null, form({ ...validInput[name](target), workspace: target.workspace.slug }));
    expect(result).toMatchObject({ ok: false, error: "Workspace not found" });
  });

  it("cannot reach the target's records through the caller's own workspace", async () => {
    const before = await workspaceFingerprint(target.workspace.id);
    await call(definition, outsider.people.OWNER, outsider.workspace.slug, validInput[name](target));
    expect(await workspaceFingerprint(target.workspace.id)).toBe(before);
  });

  it.each(ROLES.filter((r) => !hasRole(r, definition.role)))("refuses a %s and changes nothing", async (role) => {
    const before = await workspaceFingerprint(target.workspace.id);
    const result = await call(definition, target.people[role], target.workspace.slug, validInput[name](target));
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/not allowed/) });
    expect(await workspaceFingerprint(target.workspace.id)).toBe(before);
  });

  it(`lets the least allowed role (${definition.role}) through the guard`, async () => {
    const fresh = await world();
    const result = await call(definition, fresh.people[definition.role], fresh.workspace.slug, validInput[name](fresh));
    if (result !== "redirected") {
      expect(result.ok ? "" : result.error).not.toMatch(/Workspace not found|not allowed/);
      expect(result.ok, result.ok ? "" : result.error).toBe(true);
    }
  });
});
