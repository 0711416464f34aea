import { describe, expect, it } from "vitest";
import { findActiveSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { createUser, createWorkspace } from "@/tests/helpers/factories";
import { actorOf } from "./actor";
import { requireMembership } from "./guard";
import { createInvitation, listPendingInvitations, lookupInvitation, PENDING_INVITATIONS_SHOWN } from "./invitations";
import { changeRole, leaveWorkspace, listMembers, MEMBER_PAGE_SIZE, removeMember } from "./members";

async function membershipOf(workspaceId: string, userId: string) {
  return db.membership.findUniqueOrThrow({ where: { workspaceId_userId: { workspaceId, userId } } });
}

describe("roles and the last-owner rule", () => {
  it("an owner changes a member's role", async () => {
    const owner = await createUser();
    const member = await createUser();
    const ws = await createWorkspace({ OWNER: owner, MEMBER: member });
    const ctx = actorOf(await requireMembership(owner.id, ws.slug, "ADMIN"));
    await changeRole(ctx, (await membershipOf(ws.id, member.id)).id, "ADMIN");
    expect((await membershipOf(ws.id, member.id)).role).toBe("ADMIN");
  });

  it("the last owner cannot be demoted, removed or leave", async () => {
    const owner = await createUser();
    const ws = await createWorkspace({ OWNER: owner });
    const ctx = actorOf(await requireMembership(owner.id, ws.slug, "ADMIN"));
    const mine = await membershipOf(ws.id, owner.id);
    await expect(changeRole(ctx, mine.id, "ADMIN")).rejects.toThrow(/at least one owner/);
    await expect(leaveWorkspace(ctx)).rejects.toThrow(/at least one owner/);
    expect((await membershipOf(ws.id, owner.id)).role).toBe("OWNER");
  });

  it("with two owners, one may step down, but two simultaneous demotions leave one owner", async () => {
    const a = await createUser();
    const b = await createUser();
    const ws = await createWorkspace({ OWNER: [a, b] });
    const ctxA = actorOf(await requireMembership(a.id, ws.slug, "ADMIN"));
    const ctxB = actorOf(await requireMembership(b.id, ws.slug, "ADMIN"));
    const [ma, mb] = [await membershipOf(ws.id, a.id), await membershipOf(ws.id, b.id)];
    await Promise.allSettled([changeRole(ctxA, mb.id, "ADMIN"), changeRole(ctxB, ma.id, "ADMIN")]);
    expect(await db.membership.count({ where: { workspaceId: ws.id, role: "OWNER" } })).toBe(1);
  });

  it("an admin cannot demote or remove an owner, nor make someone an owner", async () => {
    const owner = await createUser();
    const admin = await createUser();
    const member = await createUser();
    const ws = await createWorkspace({ OWNER: owner, ADMIN: admin, MEMBER: member });
    const ctx = actorOf(await requireMembership(admin.id, ws.slug, "ADMIN"));
    const ownerMembership = await membershipOf(ws.id, owner.id);
    await expect(changeRole(ctx, ownerMembership.id, "MEMBER")).rejects.toThrow(/not allowed/);
    await expect(removeMember(ctx, ownerMembership.id)).rejects.toThrow(/not allowed/);
    await expect(changeRole(ctx, (await membershipOf(ws.id, member.id)).id, "OWNER")).rejects.toThrow(/not allowed/);
    expect((await membershipOf(ws.id, member.id)).role).toBe("MEMBER");
  });

  it("removing someone from their last workspace ends their sessions; other workspaces keep them signed in", async () => {
    const owner = await createUser();
    const solo = await createUser();
    const both = await createUser();
    const ws = await createWorkspace({ OWNER: owner, MEMBER: [solo, both] });
    await createWorkspace({ OWNER: owner, VIEWER: both });
    const ctx = actorOf(await requireMembership(owner.id, ws.slug, "ADMIN"));
    await removeMember(ctx, (await membershipOf(ws.id, solo.id)).id);
    await removeMember(ctx, (await membershipOf(ws.id, both.id)).id);
    expect(await findActiveSession(solo.sessionToken)).toBeNull();
    expect(await findActiveSession(both.sessionToken)).not.toBeNull();
  });

  it("a member id from another workspace is not found", async () => {
    const owner = await createUser();
    const other = await createUser();
    const ws = await createWorkspace({ OWNER: owner });
    const foreign = await createWorkspace({ OWNER: other, MEMBER: await createUser() });
    const ctx = actorOf(await requireMembership(owner.id, ws.slug, "ADMIN"));
    const foreignMembership = await db.membership.findFirstOrThrow({ where: { workspaceId: foreign.id, role: "MEMBER" } });
    await expect(removeMember(ctx, foreignMembership.id)).rejects.toThrow(/no longer in the workspace/);
    await expect(changeRole(ctx, foreignMembership.id, "VIEWER")).rejects.toThrow(/no longer in the workspace/);
    expect((await db.membership.findUniqueOrThrow({ where: { id: foreignMembership.id } })).role).toBe("MEMBER");
  });
});

describe("invitations do not outlive their sender's role", () => {
  const tokenOf = (link: string) => link.slice(link.lastIndexOf("/") + 1);
  const lastEvent = (workspaceId: string) => db.auditEvent.findFirstOrThrow({ where: { workspaceId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });

  it("an admin made a member: the links they sent stop working, in that workspace only, and the event counts them", async () => {
    const [owner, admin] = [await createUser("owner"), await createUser("admin")];
    const ws = await createWorkspace({ OWNER: owner, ADMIN: admin });
    const elsewhere = await createWorkspace({ OWNER: admin });
    const asAdmin = actorOf(await requireMembership(admin.id, ws.slug, "ADMIN"));
    const asOwner = actorOf(await requireMembership(owner.id, ws.slug, "ADMIN"));
    const sent = [await createInvitation(asAdmin, { email: "one@example.test", role: "ADMIN" }), await createInvitation(asAdmin, { email: "two@example.test", role: "VIEWER" })];
    const ownersOwn = await createInvitation(asOwner, { email: "three@example.test", role: "MEMBER" });
    const sentElsewhere = await createInvitation(actorOf(await requireMembership(admin.id, elsewhere.slug, "ADMIN")), { email: "four@example.test", role: "MEMBER" });

    await changeRole(asOwner, (await membershipOf(ws.id, admin.id)).id, "MEMBER");

    for (const { link } of sent) expect(await lookupInvitation(tokenOf(link))).toMatchObject({ status: "revoked" });
    expect(await lookupInvitation(tokenOf(ownersOwn.link))).toMatchObject({ status: "valid" });
    expect(await lookupInvitation(tokenOf(sentElsewhere.link))).toMatchObject({ status: "valid" });
    expect(await lastEvent(ws.id)).toMatchObject({ action: "member.role_changed", metadata: { from: "ADMIN", to: "MEMBER", revokedInvitations: 2 } });
  });

  it("an owner made an admin keeps the invitations an admin may send; an owner's invitation is revoked", async () => {
    const [a, b] = [await createUser("owner"), await createUser("owner")];
    const ws = await createWorkspace({ OWNER: [a, b] });
    const asB = actorOf(await requireMembership(b.id, ws.slug, "ADMIN"));
    const toOwner = await createInvitation(asB, { email: "owner@example.test", role: "OWNER" });
    const toAdmin = await createInvitation(asB, { email: "admin@example.test", role: "ADMIN" });

    await changeRole(actorOf(await requireMembership(a.id, ws.slug, "ADMIN")), (await membershipOf(ws.id, b.id)).id, "ADMIN");

    expect(await lookupInvitation(tokenOf(toOwner.link))).toMatchObject({ status: "revoked" });
    expect(await lookupInvitation(tokenOf(toAdmin.link))).toMatchObject({ status: "valid" });
    expect(await lastEvent(ws.id)).toMatchObject({ metadata: { from: "OWNER", to: "ADMIN", revokedInvitations: 1 } });
  });

  it("a member removed, or who leaves, takes their unused invitations with them; used ones stay as they were", async () => {
    const [owner, removed, leaving, joined] = [await createUser("owner"), await createUser("admin"), await createUser("admin"), await createUser("joined")];
    const ws = await createWorkspace({ OWNER: owner, ADMIN: [removed, leaving] });
    const asRemoved = actorOf(await requireMembership(removed.id, ws.slug, "ADMIN"));
    const unused = await createInvitation(asRemoved, { email: "unused@example.test", role: "MEMBER" });
    const used = await createInvitation(asRemoved, { email: joined.email, role: "MEMBER" });
    await db.invitation.update({ where: { id: used.id }, data: { acceptedAt: new Date() } });
    const fromLeaving = await createInvitation(actorOf(await requireMembership(leaving.id, ws.slug, "ADMIN")), { email: "later@example.test", role: "VIEWER" });

    await removeMember(actorOf(await requireMembership(owner.id, ws.slug, "ADMIN")), (await membershipOf(ws.id, removed.id)).id);
    expect(await lookupInvitation(tokenOf(unused.link))).toMatchObject({ status: "revoked" });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: used.id } })).toMatchObject({ revokedAt: null });
    expect(await lastEvent(ws.id)).toMatchObject({ action: "member.removed", metadata: { role: "ADMIN", revokedInvitations: 1 } });

    await leaveWorkspace(actorOf(await requireMembership(leaving.id, ws.slug, "ADMIN")));
    expect(await lookupInvitation(tokenOf(fromLeaving.link))).toMatchObject({ status: "revoked" });
    expect(await lastEvent(ws.id)).toMatchObject({ action: "member.left", metadata: { revokedInvitations: 1 } });
  });

  it("a promotion or a move between roles that keeps the right to invite revokes nothing", async () => {
    const [owner, admin] = [await createUser("owner"), await createUser("admin")];
    const ws = await createWorkspace({ OWNER: owner, ADMIN: admin });
    const sent = await createInvitation(actorOf(await requireMembership(admin.id, ws.slug, "ADMIN")), { email: "kept@example.test", role: "MEMBER" });
    await changeRole(actorOf(await requireMembership(owner.id, ws.slug, "ADMIN")), (await membershipOf(ws.id, admin.id)).id, "OWNER");
    expect(await lookupInvitation(tokenOf(sent.link))).toMatchObject({ status: "valid" });
    expect(await lastEvent(ws.id)).toMatchObject({ metadata: { revokedInvitations: 0 } });
  });
});

describe("the members page's lists", () => {
  it("pages members, owners first, every member on exactly one page; shows the newest pending invitations and counts them all", async () => {
    const owner = await createUser("owner");
    const viewers = await Promise.all(Array.from({ length: MEMBER_PAGE_SIZE + 4 }, () => createUser("viewer")));
    const ws = await createWorkspace({ OWNER: owner, VIEWER: viewers });
    const [first, second] = [await listMembers(ws.id), await listMembers(ws.id, 2)];
    expect([first.total, first.pageCount, first.rows.length, second.rows.length]).toEqual([MEMBER_PAGE_SIZE + 5, 2, MEMBER_PAGE_SIZE, 5]);
    expect(first.rows[0].user.id).toBe(owner.id);
    expect(new Set([...first.rows, ...second.rows].map((m) => m.user.id)).size).toBe(MEMBER_PAGE_SIZE + 5);

    const now = Date.now();
    await db.invitation.createMany({
      data: Array.from({ length: PENDING_INVITATIONS_SHOWN + 3 }, (_, i) => ({
        workspaceId: ws.id,
        email: `pending-${i}@example.test`,
        role: "MEMBER" as const,
        tokenHash: `hash-${ws.id}-${i}`,
        invitedById: owner.id,
        createdAt: new Date(now - i * 1000),
        expiresAt: new Date(now + 86_400_000),
      })),
    });
    const pending = await listPendingInvitations(ws.id);
    expect([pending.total, pending.rows.length, pending.rows[0].email]).toEqual([PENDING_INVITATIONS_SHOWN + 3, PENDING_INVITATIONS_SHOWN, "pending-0@example.test"]);
  });
});
