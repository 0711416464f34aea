import { recordActorEvent } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { UserFacingError } from "@/lib/errors";
import type { Actor } from "./actor";

/**
 * Requires (or stops requiring) two-factor sign-in of every member; the guard enforces it. An owner
 * without it would lock themself out by turning it on, so they must have it first.
 */
export async function setTwoFactorRequirement(actor: Actor, required: boolean) {
  if (required) {
    const owner = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpEnabledAt: true } });
    if (!owner.totpEnabledAt) {
      throw new UserFacingError("Turn on two-factor sign-in for your own account first (Account → Two-factor sign-in); then you can require it of everyone.");
    }
  }
  await db.$transaction(async (tx) => {
    const { count } = await tx.workspace.updateMany({ where: { id: actor.workspaceId, requireTwoFactor: !required }, data: { requireTwoFactor: required } });
    if (count === 0) return;
    const { name } = await tx.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: { name: true } });
    await recordActorEvent(tx, actor, {
      action: "workspace.updated",
      target: { type: "Workspace", id: actor.workspaceId, label: name },
      metadata: { requireTwoFactor: required },
    });
  });
}

/** For the settings page: whether it is required, how many members it keeps out, and whether the viewer has it. */
export async function twoFactorRequirement(workspaceId: string, viewerId: string) {
  const [workspace, membersWithout, viewer] = await Promise.all([
    db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { requireTwoFactor: true } }),
    db.membership.count({ where: { workspaceId, user: { totpEnabledAt: null } } }),
    db.user.findUniqueOrThrow({ where: { id: viewerId }, select: { totpEnabledAt: true } }),
  ]);
  return { required: workspace.requireTwoFactor, membersWithout, viewerHasIt: viewer.totpEnabledAt !== null };
}
