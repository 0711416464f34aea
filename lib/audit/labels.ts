import type { AuditAction } from "./record";

/** How each event reads in the log and its filter. */
export const auditActionLabels: Record<AuditAction, string> = {
  "account.added": "Account added",
  "account.updated": "Account edited",
  "account.secret_replaced": "Client secret replaced",
  "account.deleted": "Account deleted",
  "mailbox.added": "Mailboxes added",
  "mailbox.removed": "Mailbox removed",
  "mailbox.connected": "Mailbox connected",
  "mailbox.disconnected": "Mailbox disconnected",
  "member.invited": "Member invited",
  "member.invitation_revoked": "Invitation withdrawn",
  "member.joined": "Member joined",
  "member.role_changed": "Role changed",
  "member.removed": "Member removed",
  "member.left": "Member left",
  "workspace.updated": "Workspace settings changed",
  "webhook.updated": "Webhook set",
  "webhook.removed": "Webhook removed",
  "keys.rotated": "Encryption key rotated",
  "test.run": "Test Connection run",
  "test.run_all": "Test all run",
};

/** An event's facts as short "key: value" text; values are hints, dates and counts by construction. */
export function auditDetails(metadata: unknown) {
  if (!metadata || typeof metadata !== "object") return "";
  return Object.entries(metadata as Record<string, unknown>)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) => `${key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`)
    .join(" · ");
}
