import type { Application } from "../core/schema";
import type { DirectoryTenant, SandboxState } from "../core/state";
import { aad, type AadError } from "./errors";

/** Tenant-independent segments Microsoft accepts in place of a tenant. */
export const MULTI_TENANT = new Set(["common", "organizations"]);

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/**
 * Entra's refusal of a tenant segment it has no tenant for. A GUID or a domain name that names nobody is "not
 * found" (AADSTS90002); anything else is not an identifier at all (AADSTS900023), be it a GUID a character short
 * (https://github.com/caddy-dns/azure/issues/3), a path segment ('authorize', 'token') or a word ('undefined').
 */
export function unknownTenant(segment: string): AadError {
  const identifier = GUID.test(segment) || DOMAIN.test(segment) || MULTI_TENANT.has(segment.toLowerCase());
  return identifier ? aad.tenantNotFound(segment) : aad.invalidTenantIdentifier(segment);
}

export const isMultiTenantSegment = (segment: string): boolean => MULTI_TENANT.has(segment.toLowerCase());

/**
 * The app registration a request names, and the tenant it is addressed in. At /common and /organizations there is no
 * tenant yet: the app is found wherever it is registered and must be multi-tenant (AADSTS50194 otherwise); the
 * user's own tenant issues the tokens. Elsewhere the app must be registered in the tenant named.
 */
export function resolveApplication(
  state: SandboxState,
  segment: string,
  clientId: string,
): { tenant: DirectoryTenant; app: Application; anyOrganization: boolean } | AadError {
  if (isMultiTenantSegment(segment)) {
    for (const tenant of state.tenants.filter((t) => t.enabled)) {
      const app = state.findApplication(tenant, clientId);
      if (!app) continue;
      if (app.signInAudience !== "AzureADMultipleOrgs") return aad.notMultiTenant(app.appId, app.displayName);
      return { tenant, app, anyOrganization: true };
    }
    return aad.appNotFound(clientId, segment);
  }
  const tenant = state.findTenant(segment);
  if (!tenant) return unknownTenant(segment);
  const app = state.findApplication(tenant, clientId);
  return app ? { tenant, app, anyOrganization: false } : aad.appNotFound(clientId, tenant.displayName);
}
