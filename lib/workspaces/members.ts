import { recordActorEvent } from "@/lib/audit/record";
import { endUserSessions } from "@/lib/auth/sessions";
import { db, type Prisma } from "@/lib/db/client";
import { pageCount, pageWindow } from "@/lib/db/pages";
import { NotAllowedError } from "./errors";
import { UserFacingError } from "@/lib/errors";
import type { Actor } from "./actor";
import { canAssignRole, ROLES, type Role } from "./roles";

export const MEMBER_PAGE_SIZE = 50;

/** One page of a workspace's members, owners first, then by when they joined. */
export async function listMembers(workspaceId: string, page?: number) {
  const range = pageWindow(page, MEMBER_PAGE_SIZE);
  const [total, rows] = await Promise.all([
    db.membership.count({ where: { workspaceId } }),
    db.membership.findMany({
      where: { workspaceId },
      orderBy: [{ role: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      skip: range.skip,
      take: range.take,
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    }),
  ]);
  return { total, page: range.page, pageCount: pageCount(total, MEMBER_PAGE_SIZE), rows };
}

async function findMembership(tx: Prisma.TransactionClient, workspaceId: string, membershipId: string) {
  const membership = await tx.membership.findFirst({
    where: { id: membershipId, workspaceId },
    select: { id: true, role: true, userId: true, user: { select: { email: true } } },
  });
  if (!membership) throw new UserFacingError("This member is no longer in the workspace.");
  return membership;
}

/** Serialises owner changes per workspace so two demotions cannot both pass the last-owner check. */
async function lockOwners(tx: Prisma.TransactionClient, workspaceId: string) {
  await tx.$queryRaw`SELECT id FROM "Membership" WHERE "workspaceId" = ${workspaceId} AND role = 'OWNER' FOR UPDATE`;
  return tx.membership.count({ where: { workspaceId, role: "OWNER" } });
}

/**
 * An invitation carries the authority of the person who sent it. When they lose that authority (made
 * a member or viewer, an owner made an admin, or no longer in the workspace), the unused invitations
 * they could not send any more are revoked with the change, so a link cannot grant what its sender no
 * longer may. `role` is the sender's new role, null when they are gone.
 */
async function revokeInvitationsBeyondRole(tx: Prisma.TransactionClient, workspaceId: string, invitedById: string, role: Role | null) {
  const beyond = ROLES.filter((invited) => role === null || !canAssignRole(role, invited));
  if (beyond.length === 0) return 0;
  const now = new Date();
  const { count } = await tx.invitation.updateMany({
    where: { workspaceId, invitedById, role: { in: [...beyond] }, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { revokedAt: now },
  });
  return count;
}

export async function changeRole(actor: Actor, membershipId: string, role: Role) {
  await db.$transaction(async (tx) => {
    const target = await findMembership(tx, actor.workspaceId, membershipId);
    if (!canAssignRole(actor.role, role) || !canAssignRole(actor.role, target.role)) throw new NotAllowedError("OWNER");
    if (target.role === "OWNER" && role !== "OWNER" && (await lockOwners(tx, actor.workspaceId)) <= 1) {
      throw new UserFacingError("A workspace keeps at least one owner. Make someone else an owner first.");
    }
    await tx.membership.update({ where: { id: target.id }, data: { role } });
    const revokedInvitations = await revokeInvitationsBeyondRole(tx, actor.workspaceId, target.userId, role);
    await recordActorEvent(tx, actor, {
      action: "member.role_changed",
      target: { type: "User", id: target.userId, label: target.user.email },
      metadata: { from: target.role, to: role, revokedInvitations },
    });
  });
}

/** Removes another member; an admin cannot remove an owner. */
export async function removeMember(actor: Actor, membershipId: string) {
  return deleteMembership(actor, { id: membershipId, workspaceId: actor.workspaceId, NOT: { userId: actor.userId } });
}

/** Any member may leave, except the last owner. */
export async function leaveWorkspace(actor: Actor) {
  return deleteMembership(actor, { workspaceId: actor.workspaceId, userId: actor.userId });
}

/** Someone left in no workspace is signed out everywhere. */
async function deleteMembership(actor: Actor, where: Prisma.MembershipWhereInput) {
  const removedUserId = await db.$transaction(async (tx) => {
    const target = await tx.membership.findFirst({ where, select: { id: true, role: true, userId: true, user: { select: { email: true } } } });
    if (!target) throw new UserFacingError("This member is no longer in the workspace.");
    if (target.userId !== actor.userId && !canAssignRole(actor.role, target.role)) throw new NotAllowedError("OWNER");
    if (target.role === "OWNER" && (await lockOwners(tx, actor.workspaceId)) <= 1) {
      throw new UserFacingError("A workspace keeps at least one owner. Make someone else an owner first.");
    }
    await tx.membership.delete({ where: { id: target.id } });
    const revokedInvitations = await revokeInvitationsBeyondRole(tx, actor.workspaceId, target.userId, null);
    await recordActorEvent(tx, actor, {
      action: target.userId === actor.userId ? "member.left" : "member.removed",
      target: { type: "User", id: target.userId, label: target.user.email },
      metadata: { role: target.role, revokedInvitations },
    });
    return target.userId;
  });
  const remaining = await db.membership.count({ where: { userId: removedUserId } });
  if (remaining === 0) await endUserSessions(removedUserId);
}
