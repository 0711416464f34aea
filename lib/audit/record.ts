import type { Prisma } from "@/lib/db/client";

/** The events the audit log knows; their names read as "what happened". */
export type AuditAction =
  | "account.added"
  | "account.updated"
  | "account.secret_replaced"
  | "account.deleted"
  | "mailbox.added"
  | "mailbox.removed";

export interface AuditEntry {
  workspaceId: string;
  actorId: string | null;
  action: AuditAction;
  target: { type: string; id?: string; label?: string };
  ipAddress?: string | null;
  /** Facts about the change; never a secret (callers pass hints and dates only). */
  metadata?: Prisma.InputJsonObject;
}

/** Written inside the caller's transaction, so an event exists exactly when its change does. */
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
