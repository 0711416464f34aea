import { EXO_POWERSHELL } from "../portal";

/**
 * RBAC for Applications grants Mail.Send in Exchange Online per management scope and puts nothing in the token; the
 * cmdlets and the "Application Mail.Send" role are those of https://learn.microsoft.com/exchange/permissions-exo/application-rbac
 * (Test-ServicePrincipalAuthorization -Identity -Resource: https://learn.microsoft.com/powershell/module/exchange/test-serviceprincipalauthorization;
 * Get-ManagementRoleAssignment -Role: https://learn.microsoft.com/powershell/module/exchange/get-managementroleassignment).
 * The same page says grants made in Entra and in Exchange add up: a scope only limits an app that holds no unscoped
 * Mail.Send in Entra.
 */
export const RBAC_CHECK =
  `In ${EXO_POWERSHELL} run Test-ServicePrincipalAuthorization -Identity <Application (client) ID> -Resource <mailbox>: the ` +
  '"Application Mail.Send" row must show InScope True. Get-ManagementRoleAssignment -Role "Application Mail.Send" lists ' +
  "the role's assignments and the scope of each.";
export const RBAC_SCOPE_CAUSE =
  "If the app is meant to send through Exchange Online's RBAC for Applications instead (Microsoft's recommended way to " +
  'limit an app to some mailboxes; such a grant never shows in the token), this mailbox is outside the management scope ' +
  'of its "Application Mail.Send" role assignment, or the app has no such assignment.';
