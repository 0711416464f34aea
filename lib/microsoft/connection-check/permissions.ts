import { diagnose, findExcessivePermissions } from "@/lib/microsoft/catalog";
import { failed, type Done } from "./outcome";

const has = (roles: readonly string[], role: string) => roles.some((r) => r.toLowerCase() === role.toLowerCase());

/**
 * Application permissions that let GET /users/{id} read another user: the documented set for app-only calls
 * (https://learn.microsoft.com/graph/api/user-get#permissions). User.ReadBasic.All exists as an application
 * permission but is not listed there, and admins report 403 with it alone, so it does not count.
 */
export const USER_READ_ROLES: readonly string[] = ["User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"];

export const canReadUsers = (roles: readonly string[]): boolean => USER_READ_ROLES.some((role) => has(roles, role));

const diagnosis = (code: string) => diagnose(code, { step: "permissions" });

/** Reads consent from the token: Entra issues one even without consent, and Graph only refuses later. */
export function checkPermissions(roles: readonly string[]): Done<true> {
  const details = { roles: [...roles] };
  if (roles.length === 0) return failed(diagnosis("ADMIN_CONSENT_MISSING"), details);
  if (!has(roles, "Mail.Send")) return failed(diagnosis("MAIL_SEND_NOT_GRANTED"), details);
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
