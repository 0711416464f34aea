import { EXCHANGE_ROLE_PERMISSIONS, type RoleAssignment, type User } from "../core/schema";
import type { DirectoryTenant } from "../core/state";
import { includesScope } from "../identity/scopes";
import type { PermissionRule } from "./auth";

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The app's RBAC for Applications assignments whose role carries one of the rule's application permissions. */
export function exchangeGrants(tenant: DirectoryTenant, appId: string, rule: PermissionRule): RoleAssignment[] {
  return tenant.roleAssignments.filter(
    (a) => same(a.appId, appId) && rule.application.some((name) => includesScope(EXCHANGE_ROLE_PERMISSIONS[a.role], name)),
  );
}

export const hasAnyAssignment = (tenant: DirectoryTenant, appId: string): boolean =>
  tenant.roleAssignments.some((a) => same(a.appId, appId));

/** An assignment without mailboxes is organization-wide; otherwise the mailbox must be listed. */
export const inScope = (assignment: RoleAssignment, user: User): boolean =>
  !assignment.mailboxes || assignment.mailboxes.some((m) => same(m, user.userPrincipalName));
