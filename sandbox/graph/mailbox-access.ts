import type { SandboxContext } from "../core/context";
import type { User } from "../core/schema";
import { hasMailbox } from "../core/state";
import { allows, type PermissionRule, type Principal } from "./auth";
import { graph, type GraphError } from "./errors";
import { exchangeGrants, hasAnyAssignment, inScope } from "./exchange-rbac";

// Permission tables: https://learn.microsoft.com/graph/api/user-sendmail , /user-list-messages
export const SEND_MAIL: PermissionRule = { application: ["Mail.Send"], delegated: ["Mail.Send"] };
export const READ_MAIL: PermissionRule = {
  application: ["Mail.ReadBasic.All", "Mail.ReadBasic", "Mail.Read", "Mail.ReadWrite"],
  delegated: ["Mail.ReadBasic", "Mail.Read", "Mail.ReadWrite"],
};

/**
 * The mailbox a request targets, checked in the order the failures are reported: permission, existence,
 * mailbox, then Exchange's per-mailbox authorization (app-only calls only).
 *
 * App-only permission is the union of the token's `roles` and the app's RBAC for Applications assignments;
 * application access policies constrain only the former: "the assigned permissions are a union operation on the
 * permissions from Microsoft Entra ID and the permissions assigned in Exchange Online RBAC"
 * (https://learn.microsoft.com/exchange/permissions-exo/application-rbac#how-does-rbac-for-applications-work-alongside-application-access-policies).
 */
export function resolveMailbox(ctx: SandboxContext, p: Principal, target: string, rule: PermissionRule): User | GraphError {
  if (target === "me" && p.kind !== "user") return graph.meRequiresUser();
  const entra = allows(p, rule);
  const exchange = p.kind === "app" ? exchangeGrants(p.tenant, p.app.appId, rule) : [];
  if (!entra && !exchange.length) return p.kind === "app" && tokenGrantsNothing(p) ? graph.noPermissionsInToken() : graph.accessDenied();

  const user = target === "me" && p.kind === "user" ? p.user : ctx.state.findUser(p.tenant, target);
  if (!user) return graph.invalidUser(target);
  // Another user's mailbox needs the .Shared delegated permissions, which the sandbox does not model.
  if (p.kind === "user" && user.id !== p.user.id) return graph.accessDenied();
  if (!hasMailbox(user)) return graph.mailboxNotEnabled();
  if (p.kind === "user") return user;

  const entraAllows = entra && !blockedByAccessPolicy(p, user);
  if (entraAllows || exchange.some((a) => inScope(a, user))) return user;
  return entra ? graph.accessPolicy() : graph.accessDenied();
}

/** No `roles` claim and nothing granted in Exchange either: Graph cannot find any permission to weigh. */
const tokenGrantsNothing = (p: Principal): boolean => p.permissions.length === 0 && !hasAnyAssignment(p.tenant, p.app.appId);

/** Exchange's New-ApplicationAccessPolicy: https://learn.microsoft.com/graph/auth-limit-mailbox-access */
function blockedByAccessPolicy(p: Principal, user: User): boolean {
  const policies = p.tenant.applicationAccessPolicies.filter((a) => a.appId.toLowerCase() === p.app.appId.toLowerCase());
  const listed = (mailboxes: string[]) => mailboxes.some((m) => m.toLowerCase() === user.userPrincipalName.toLowerCase());
  const denied = policies.some((a) => a.accessRight === "DenyAccess" && listed(a.mailboxes));
  const restricted = policies.filter((a) => a.accessRight === "RestrictAccess");
  return denied || (restricted.length > 0 && !restricted.some((a) => listed(a.mailboxes)));
}
