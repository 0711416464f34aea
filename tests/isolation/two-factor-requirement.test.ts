import { describe, expect, it } from "vitest";
import { requireTwoFactorAction } from "@/app/w/[slug]/settings/actions";
import { executeWorkspaceAction, type WorkspaceActionDefinition } from "@/lib/actions/workspace-action";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { TwoFactorRequiredError, WorkspaceNotFoundError } from "@/lib/workspaces/errors";
import { requireMembership } from "@/lib/workspaces/guard";
import { guardRefusal } from "@/lib/workspaces/route-guard";
import { ROLES, type Role } from "@/lib/workspaces/roles";
import { createUser, createWorkspace, form, workspaceFingerprint } from "@/tests/helpers/factories";
import { discoveredActions } from "./workspace-actions";

const REFUSAL = /requires two-factor sign-in for every member/;

async function turnOnTwoFactor(user: CurrentUser) {
  await db.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date() } });
}

/** A workspace that requires two-factor sign-in, with one person per role, none of whom has it on yet. */
async function requiringWorkspace() {
  const people = Object.fromEntries(await Promise.all(ROLES.map(async (r) => [r, await createUser(r.toLowerCase())]))) as Record<Role, CurrentUser>;
  const workspace = await createWorkspace(people, "Strict & Co");
  await db.workspace.update({ where: { id: workspace.id }, data: { requireTwoFactor: true } });
  return { people, workspace };
}

const definitions = discoveredActions.map((a) => a.definition).filter((d): d is WorkspaceActionDefinition => Boolean(d));

describe("a workspace that requires two-factor sign-in", () => {
  it.each(definitions.map((d) => [d.name, d] as const))("%s refuses a member without it, whatever their role, and changes nothing", async (_, definition) => {
    const { people, workspace } = await requiringWorkspace();
    for (const role of ROLES) {
      const before = await workspaceFingerprint(workspace.id);
      const result = await executeWorkspaceAction(definition, people[role], form({ workspace: workspace.slug }));
      expect(result).toMatchObject({ ok: false, error: expect.stringMatching(REFUSAL) });
      expect(result.ok ? "" : result.error).toContain("Strict & Co");
      expect(await workspaceFingerprint(workspace.id)).toBe(before);
    }
  });

  it("admits each member once they have it on, at their own role", async () => {
    const { people, workspace } = await requiringWorkspace();
    for (const role of ROLES) {
      await expect(requireMembership(people[role].id, workspace.slug, "VIEWER")).rejects.toBeInstanceOf(TwoFactorRequiredError);
      await turnOnTwoFactor(people[role]);
      await expect(requireMembership(people[role].id, workspace.slug, "VIEWER")).resolves.toMatchObject({ role });
    }
    await expect(requireMembership(people.VIEWER.id, workspace.slug, "ADMIN")).rejects.toThrow(/not allowed/);
  });

  it("tells a non-member only that the workspace was not found", async () => {
    const { workspace } = await requiringWorkspace();
    const outsider = await createUser("outsider");
    await expect(requireMembership(outsider.id, workspace.slug, "VIEWER")).rejects.toBeInstanceOf(WorkspaceNotFoundError);
  });

  it("is answered to routes (downloads) with a 403 page that names the workspace and links to the setup", async () => {
    const response = guardRefusal(new TwoFactorRequiredError("Strict & <Co>"))!;
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain("Strict &amp; &lt;Co&gt; requires two-factor sign-in");
    expect(html).toContain('href="/account/two-factor"');
  });
});

describe("requiring it", () => {
  async function ownedWorkspace() {
    const owner = await createUser("owner");
    const member = await createUser("member");
    const workspace = await createWorkspace({ OWNER: owner, MEMBER: member });
    return { owner, member, workspace };
  }
  const requireIt = (user: CurrentUser, slug: string, value: "on" | "off") =>
    executeWorkspaceAction(requireTwoFactorAction.definition, user, form({ workspace: slug, requireTwoFactor: value }));

  it("is refused to an owner who has not turned it on for themself, and nothing changes", async () => {
    const { owner, workspace } = await ownedWorkspace();
    const before = await workspaceFingerprint(workspace.id);
    expect(await requireIt(owner, workspace.slug, "on")).toMatchObject({ ok: false, error: expect.stringMatching(/your own account first/) });
    expect(await workspaceFingerprint(workspace.id)).toBe(before);
  });

  it("is recorded in the audit log, on and off, and then keeps out the members without it", async () => {
    const { owner, member, workspace } = await ownedWorkspace();
    await turnOnTwoFactor(owner);
    expect(await requireIt(owner, workspace.slug, "on")).toMatchObject({ ok: true });
    await expect(requireMembership(member.id, workspace.slug, "VIEWER")).rejects.toBeInstanceOf(TwoFactorRequiredError);
    await expect(requireMembership(owner.id, workspace.slug, "OWNER")).resolves.toMatchObject({ role: "OWNER" });
    expect(await requireIt(owner, workspace.slug, "off")).toMatchObject({ ok: true });
    await expect(requireMembership(member.id, workspace.slug, "VIEWER")).resolves.toMatchObject({ role: "MEMBER" });
    const events = await db.auditEvent.findMany({ where: { workspaceId: workspace.id }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true, metadata: true } });
    expect(events).toEqual([
      { action: "workspace.updated", actorId: owner.id, metadata: { requireTwoFactor: true } },
      { action: "workspace.updated", actorId: owner.id, metadata: { requireTwoFactor: false } },
    ]);
  });
});
