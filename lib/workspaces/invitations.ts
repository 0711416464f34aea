import { createHash, randomBytes } from "node:crypto";
import { recordAuditEvent, recordActorEvent } from "@/lib/audit/record";
import { appUrl } from "@/lib/env";
import { db } from "@/lib/db/client";
import { NotAllowedError } from "./errors";
import { UserFacingError } from "@/lib/errors";
import type { Actor } from "./actor";
import { canAssignRole, type Role } from "./roles";

export const INVITATION_TTL_DAYS = 7;

function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a single-use link; only its hash is stored, so the link is shown to the inviter once. */
export async function createInvitation(actor: Actor, input: { email: string; role: Role }) {
  if (!canAssignRole(actor.role, input.role)) throw new NotAllowedError("OWNER");
  const alreadyMember = await db.membership.findFirst({
    where: { workspaceId: actor.workspaceId, user: { email: input.email } },
    select: { id: true },
  });
  if (alreadyMember) throw new UserFacingError(`${input.email} is already a member of this workspace.`, "email");
  const token = randomBytes(32).toString("base64url");
  const invitation = await db.$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: {
        workspaceId: actor.workspaceId,
        email: input.email,
        role: input.role,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000),
        invitedById: actor.userId,
      },
      select: { id: true, expiresAt: true },
    });
    // The link is a credential: the event names who was invited, never the link.
    await recordActorEvent(tx, actor, {
      action: "member.invited",
      target: { type: "Invitation", id: created.id, label: input.email },
      metadata: { role: input.role },
    });
    return created;
  });
  return { ...invitation, link: `${appUrl()}/invite/${token}` };
}

export const PENDING_INVITATIONS_SHOWN = 50;

/** The newest pending invitations, and how many are pending in all. */
export async function listPendingInvitations(workspaceId: string) {
  const where = { workspaceId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } };
  const [total, rows] = await Promise.all([
    db.invitation.count({ where }),
    db.invitation.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: PENDING_INVITATIONS_SHOWN,
      select: { id: true, email: true, role: true, expiresAt: true, invitedBy: { select: { email: true } } },
    }),
  ]);
  return { total, rows };
}

export async function revokeInvitation(actor: Actor, invitationId: string) {
  await db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: { id: invitationId, workspaceId: actor.workspaceId }, select: { email: true } });
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, workspaceId: actor.workspaceId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0 || !invitation) throw new UserFacingError("This invitation was already used, revoked or never existed.");
    await recordActorEvent(tx, actor, {
      action: "member.invitation_revoked",
      target: { type: "Invitation", id: invitationId, label: invitation.email },
    });
  });
}

export type InvitationLookup =
  | { status: "valid"; workspaceName: string; email: string; role: Role }
  | { status: "used" | "expired" | "revoked" | "unknown" };

export async function lookupInvitation(token: string): Promise<InvitationLookup> {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, workspace: { select: { name: true } } },
  });
  if (!invitation) return { status: "unknown" };
  if (invitation.acceptedAt) return { status: "used" };
  if (invitation.revokedAt) return { status: "revoked" };
  if (invitation.expiresAt <= new Date()) return { status: "expired" };
  return { status: "valid", workspaceName: invitation.workspace.name, email: invitation.email, role: invitation.role };
}

const refusals = {
  unknown: "This invitation link is not valid. Ask for a new one.",
  used: "This invitation has already been used. Ask for a new one if you still need access.",
  revoked: "This invitation was withdrawn. Ask for a new one.",
  expired: `This invitation has expired (links last ${INVITATION_TTL_DAYS} days). Ask for a new one.`,
} as const;

export const EMAIL_NOT_VERIFIED =
  "Verify your email address to accept this invitation: open the link we mailed you, or send it again.";

/** Accepts once, for the invited address only, once that address is verified; the claim, the membership and its audit event are one transaction. */
export async function acceptInvitation(token: string, user: { id: string; email: string }, meta: { ipAddress?: string | null } = {}) {
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { id: true, email: true, role: true, workspaceId: true, expiresAt: true, acceptedAt: true, revokedAt: true, workspace: { select: { slug: true } } },
    });
    if (!invitation) throw new UserFacingError(refusals.unknown);
    if (invitation.acceptedAt) throw new UserFacingError(refusals.used);
    if (invitation.revokedAt) throw new UserFacingError(refusals.revoked);
    if (invitation.expiresAt <= new Date()) throw new UserFacingError(refusals.expired);
    if (invitation.email.toLowerCase() !== user.email.toLowerCase()) {
      throw new UserFacingError(
        `This invitation was sent to ${maskEmail(invitation.email)}. Sign in with that address to accept it.`,
      );
    }
    // The invitation is bound to an address, so it goes only to someone who proved they read that address.
    const account = await tx.user.findUnique({ where: { id: user.id }, select: { emailVerified: true } });
    if (!account?.emailVerified) throw new UserFacingError(EMAIL_NOT_VERIFIED);
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count === 0) throw new UserFacingError(refusals.used);
    await tx.membership.upsert({
      where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId: user.id } },
      create: { workspaceId: invitation.workspaceId, userId: user.id, role: invitation.role },
      update: {},
    });
    await recordAuditEvent(tx, {
      workspaceId: invitation.workspaceId,
      actorId: user.id,
      ipAddress: meta.ipAddress,
      action: "member.joined",
      target: { type: "User", id: user.id, label: user.email },
      metadata: { role: invitation.role, invitationId: invitation.id },
    });
    return { slug: invitation.workspace.slug };
  });
}

export function maskEmail(email: string) {
  const [local, domain] = email.split("@");
  return `${local.slice(0, 1)}${"•".repeat(Math.max(1, Math.min(local.length - 1, 6)))}@${domain}`;
}
