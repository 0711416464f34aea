import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createUser, createWorkspace } from "@/tests/helpers/factories";
import { actorOf } from "./actor";
import { requireMembership } from "./guard";
import { acceptInvitation, createInvitation, EMAIL_NOT_VERIFIED, lookupInvitation, revokeInvitation } from "./invitations";

async function setup() {
  const owner = await createUser("owner");
  const invitee = await createUser("invitee");
  const workspace = await createWorkspace({ OWNER: owner });
  const ctx = actorOf(await requireMembership(owner.id, workspace.slug, "ADMIN"));
  const invitation = await createInvitation(ctx, { email: invitee.email, role: "MEMBER" });
  const token = invitation.link.split("/invite/")[1];
  return { owner, invitee, workspace, ctx, invitation, token };
}

describe("invitations", () => {
  it("stores only a hash of the link's token and expires in 7 days", async () => {
    const { invitation, token } = await setup();
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.tokenHash).not.toContain(token);
    const days = (row.expiresAt.getTime() - row.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 1);
  });

  it("makes the invited person a member with the invited role", async () => {
    const { invitee, workspace, token } = await setup();
    expect(await acceptInvitation(token, invitee)).toEqual({ slug: workspace.slug });
    expect((await requireMembership(invitee.id, workspace.slug, "VIEWER")).role).toBe("MEMBER");
  });

  it("works once", async () => {
    const { invitee, token } = await setup();
    await acceptInvitation(token, invitee);
    await expect(acceptInvitation(token, invitee)).rejects.toThrow(/already been used/);
    expect(await lookupInvitation(token)).toEqual({ status: "used" });
  });

  it("is bound to the invited email", async () => {
    const { workspace, token } = await setup();
    const stranger = await createUser("stranger");
    await expect(acceptInvitation(token, stranger)).rejects.toThrow(/was sent to/);
    expect(await db.membership.count({ where: { workspaceId: workspace.id, userId: stranger.id } })).toBe(0);
    expect((await lookupInvitation(token)).status).toBe("valid");
  });

  it("waits for the invited person to verify their address, then lets them in", async () => {
    const owner = await createUser("owner");
    const invitee = await createUser("invitee", { verified: false });
    const workspace = await createWorkspace({ OWNER: owner });
    const ctx = actorOf(await requireMembership(owner.id, workspace.slug, "ADMIN"));
    const token = (await createInvitation(ctx, { email: invitee.email, role: "MEMBER" })).link.split("/invite/")[1];
    await expect(acceptInvitation(token, invitee)).rejects.toThrow(EMAIL_NOT_VERIFIED);
    expect(await db.membership.count({ where: { workspaceId: workspace.id, userId: invitee.id } })).toBe(0);
    expect((await lookupInvitation(token)).status).toBe("valid");

    await db.user.update({ where: { id: invitee.id }, data: { emailVerified: new Date() } });
    expect(await acceptInvitation(token, invitee)).toEqual({ slug: workspace.slug });
  });

  it("refuses an expired link and adds nobody", async () => {
    const { invitee, invitation, workspace, token } = await setup();
    await db.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(acceptInvitation(token, invitee)).rejects.toThrow(/expired/);
    expect(await db.membership.count({ where: { workspaceId: workspace.id, userId: invitee.id } })).toBe(0);
  });

  it("refuses a withdrawn link", async () => {
    const { ctx, invitee, invitation, token } = await setup();
    await revokeInvitation(ctx, invitation.id);
    await expect(acceptInvitation(token, invitee)).rejects.toThrow(/withdrawn/);
  });

  it("refuses an unknown token", async () => {
    const invitee = await createUser();
    await expect(acceptInvitation("x".repeat(43), invitee)).rejects.toThrow(/not valid/);
  });

  it("gives exactly one membership when the same link is accepted twice at once", async () => {
    const { invitee, workspace, token } = await setup();
    const results = await Promise.allSettled([acceptInvitation(token, invitee), acceptInvitation(token, invitee)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.membership.count({ where: { workspaceId: workspace.id, userId: invitee.id } })).toBe(1);
  });

  it("an admin cannot invite an owner", async () => {
    const owner = await createUser();
    const admin = await createUser();
    const workspace = await createWorkspace({ OWNER: owner, ADMIN: admin });
    const ctx = actorOf(await requireMembership(admin.id, workspace.slug, "ADMIN"));
    await expect(createInvitation(ctx, { email: "x@example.test", role: "OWNER" })).rejects.toThrow(/not allowed/);
    expect(await db.invitation.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });
});
