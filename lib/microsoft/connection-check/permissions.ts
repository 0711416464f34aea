import { diagnose, findExcessivePermissions } from "@/lib/microsoft/catalog";
import { failed, type Done } from "./outcome";

const has = (granted: readonly string[], permission: string) => granted.some((g) => g.toLowerCase() === permission.toLowerCase());
const hasAny = (granted: readonly string[], permissions: readonly string[]) => permissions.some((p) => has(granted, p));

/**
 * Application permissions that let GET /users/{id} read another user: the documented set for app-only calls
 * (https://learn.microsoft.com/graph/api/user-get#permissions). User.ReadBasic.All exists as an application
 * permission but is not listed there, and admins report 403 with it alone, so it does not count.
 */
export const USER_READ_ROLES: readonly string[] = ["User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"];

export const canReadUsers = (roles: readonly string[]): boolean => hasAny(roles, USER_READ_ROLES);

/** What the token lets the app read in a mailbox: its messages with their bodies, without them, or nothing. */
export type MailReading = "bodies" | "subjects" | "none";

/**
 * Permissions that let the app list a mailbox's messages, where a bounce lands (the application and delegated
 * columns of https://learn.microsoft.com/graph/api/user-list-messages#permissions). The ReadBasic ones read
 * everything "except for body, bodyPreview, uniqueBody, attachments, extensions, and any extended properties"
 * (https://learn.microsoft.com/graph/permissions-reference#mailreadbasic): a bounce is found by its subject, but its
 * status code cannot be read. Only grants in the token count; an Exchange RBAC for Applications grant is invisible.
 */
const MAIL_BODY_READERS: readonly string[] = ["Mail.Read", "Mail.ReadWrite"];
const MAIL_BASIC_ROLES: readonly string[] = ["Mail.ReadBasic.All", "Mail.ReadBasic"];
const MAIL_BASIC_SCOPES: readonly string[] = ["Mail.ReadBasic"];

const mailReading = (granted: readonly string[], basic: readonly string[]): MailReading =>
  hasAny(granted, MAIL_BODY_READERS) ? "bodies" : hasAny(granted, basic) ? "subjects" : "none";

export const appMailReading = (roles: readonly string[]): MailReading => mailReading(roles, MAIL_BASIC_ROLES);
export const delegatedMailReading = (scopes: readonly string[]): MailReading => mailReading(scopes, MAIL_BASIC_SCOPES);

export const grantsMailSend = (roles: readonly string[]): boolean => has(roles, "Mail.Send");

const diagnosis = (code: string) => diagnose(code, { step: "permissions" });

/**
 * Reads consent from the token. Mail.Send missing from its roles is not a failure: Exchange Online's RBAC for
 * Applications grants Mail.Send on a management scope without putting it in the token
 * (https://learn.microsoft.com/exchange/permissions-exo/application-rbac: "independent of the unscoped grants in
 * Microsoft Entra ID"), so only Graph can say whether this mailbox may be sent from.
 */
export function checkPermissions(roles: readonly string[]): Done<true> {
  const details = { roles: [...roles] };
  if (!grantsMailSend(roles)) {
    const held = roles.length === 0 ? "The token carries no Entra application permissions" : "The token's Entra application permissions do not include Mail.Send";
    return {
      status: "warning",
      value: true,
      summary: `${held}; Exchange RBAC for Applications may still grant Mail.Send, so Graph decides when the app sends.`,
      details,
      diagnosis: diagnosis("MAIL_SEND_NOT_IN_TOKEN"),
    };
  }
  const excessive = findExcessivePermissions(roles);
  if (excessive.length > 0) {
    return {
      status: "warning",
      value: true,
      summary: `Mail.Send is granted, and so are broader permissions than sending needs: ${excessive.join(", ")}.`,
      details: { ...details, excessive },
      diagnosis: diagnosis("EXCESSIVE_PERMISSIONS"),
    };
  }
  return { status: "passed", value: true, summary: "Mail.Send is granted with admin consent.", details };
}

/**
 * A delegated token acts only as the mailbox that signed in; its scp claim lists what it may do there.
 * Entra refuses to issue one for an unconsented scope, so this catches a grant narrowed some other way.
 */
export function checkDelegatedPermissions(scopes: readonly string[]): Done<true> {
  const details = { scopes: [...scopes] };
  if (!has(scopes, "Mail.Send")) return failed(diagnosis("DELEGATED_MAIL_SEND_NOT_GRANTED"), details);
  return { status: "passed", value: true, summary: "Mail.Send is granted, for this mailbox only (delegated).", details };
}
