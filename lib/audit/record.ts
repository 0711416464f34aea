import type { Prisma } from "@/lib/db/client";

/** The events the audit log knows; their names read as "what happened". */
export const AUDIT_ACTIONS = [
  "account.added",
  "account.updated",
  "account.secret_replaced",
  "account.deleted",
  "mailbox.added",
  "mailbox.removed",
  "mailbox.connected",
  "mailbox.disconnected",
  "member.invited",
  "member.invitation_revoked",
  "member.joined",
  "member.role_changed",
  "member.removed",
  "member.left",
  "workspace.updated",
  "webhook.updated",
  "webhook.removed",
  "keys.rotated",
  "test.run",
  "test.run_all",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  workspaceId: string;
  actorId: string | null;
  action: AuditAction;
  target: { type: string; id?: string; label?: string };
  ipAddress?: string | null;
  /** Facts about the change; never a secret (callers pass hints and dates only). */
  metadata?: Prisma.InputJsonObject;
}

/** An event a person caused in their workspace: the one way the domain records what an actor did. */
export function recordActorEvent(
  tx: Prisma.TransactionClient,
  actor: { workspaceId: string; userId: string; ipAddress?: string | null },
  event: Pick<AuditEntry, "action" | "target" | "metadata">,
) {
  return recordAuditEvent(tx, { workspaceId: actor.workspaceId, actorId: actor.userId, ipAddress: actor.ipAddress, ...event });
}

/**
 * Written inside the caller's transaction, so an event exists exactly when its change does. The
 * table is only ever inserted into: nothing in the app updates or deletes an event.
 */
export async function recordAuditEvent(tx: Prisma.TransactionClient, entry: AuditEntry) {
  await tx.auditEvent.create({
    data: {
      workspaceId: entry.workspaceId,
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.target.type,
      targetId: entry.target.id,
      targetLabel: entry.target.label,
      ipAddress: entry.ipAddress ?? null,
      metadata: entry.metadata ?? {},
    },
  });
}
