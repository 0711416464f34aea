import type { Application, User } from "../core/schema";

export const GRAPH_RESOURCE = "https://graph.microsoft.com";
/** Microsoft Graph's well-known application ID, accepted wherever the resource URI is. */
export const GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

const OIDC = ["openid", "profile", "email", "offline_access"];
const PERMISSION_NAME = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$/;

export interface RequestedScopes {
  oidc: string[];
  /** Graph permission names, without the resource prefix. */
  graph: string[];
  /** `https://graph.microsoft.com/.default`: whatever is already granted. */
  graphDefault: boolean;
}

export type ScopeParse = { ok: true; scopes: RequestedScopes } | { ok: false; resource?: string; scope: string };

/**
 * Scopes name Graph by URI, by app ID, or implicitly (a bare "Mail.Send" means Graph):
 * https://learn.microsoft.com/entra/identity-platform/scopes-oidc
 */
export function parseScopes(param: string): ScopeParse {
  const scopes: RequestedScopes = { oidc: [], graph: [], graphDefault: false };
  for (const token of param.split(/\s+/).filter(Boolean)) {
    const lower = token.toLowerCase();
    if (OIDC.includes(lower)) {
      if (!scopes.oidc.includes(lower)) scopes.oidc.push(lower);
      continue;
    }
    const prefix = [GRAPH_RESOURCE, GRAPH_APP_ID].find((p) => lower.startsWith(`${p}/`));
    const name = prefix ? token.slice(prefix.length + 1) : token;
    if (name === ".default" && prefix) {
      scopes.graphDefault = true;
      continue;
    }
    if (!prefix && (token.includes("://") || token.includes("/"))) {
      return { ok: false, resource: token.slice(0, token.lastIndexOf("/")), scope: token };
    }
    if (!PERMISSION_NAME.test(name)) return { ok: false, scope: token };
    if (!includesScope(scopes.graph, name)) scopes.graph.push(name);
  }
  return { ok: true, scopes };
}

export const includesScope = (list: readonly string[], name: string): boolean =>
  list.some((s) => s.toLowerCase() === name.toLowerCase());

/** `roles` of an app-only token: application permissions an admin has consented to, nothing merely requested. */
export const consentedRoles = (app: Application): string[] =>
  app.applicationPermissions.filter((p) => p.adminConsented).map((p) => p.name);

/** Delegated permissions usable for this user: tenant-wide admin consent plus the user's own consent. */
export function grantedDelegated(app: Application, user: User): string[] {
  const granted = app.delegatedPermissions.filter((p) => p.adminConsented).map((p) => p.name);
  for (const consent of app.userConsents) {
    const mine =
      consent.user.toLowerCase() === user.id.toLowerCase() ||
      consent.user.toLowerCase() === user.userPrincipalName.toLowerCase();
    if (!mine) continue;
    for (const scope of consent.scopes) if (!includesScope(granted, scope)) granted.push(scope);
  }
  return granted;
}

export const missingConsent = (requested: readonly string[], granted: readonly string[]): string[] =>
  requested.filter((s) => !includesScope(granted, s));

export function recordConsent(app: Application, user: User, scopes: readonly string[]): void {
  const existing = app.userConsents.find((c) => c.user.toLowerCase() === user.id.toLowerCase());
  const entry = existing ?? { user: user.id, scopes: [] };
  if (!existing) app.userConsents.push(entry);
  for (const scope of scopes) if (!includesScope(entry.scopes, scope)) entry.scopes.push(scope);
}
