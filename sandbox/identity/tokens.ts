import { createHash } from "node:crypto";
import type { SandboxContext } from "../core/context";
import { guid, randomToken } from "../core/ids";
import type { Application, User } from "../core/schema";
import type { DirectoryTenant } from "../core/state";
import type { ClientCredential } from "./client-auth";
import { v2Issuer } from "./discovery";
import { consentedRoles, GRAPH_RESOURCE } from "./scopes";

/** Entra answers expires_in 3599 for a one-hour token (client credentials doc, "Successful response"). */
const ACCESS_TOKEN_SECONDS = 3599;

/** v1.0 Graph tokens are issued by sts.windows.net — https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference */
export const graphTokenIssuer = (tenantId: string): string => `https://sts.windows.net/${tenantId}/`;

export interface TokenResponse {
  token_type: "Bearer";
  scope?: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  client_info?: string;
}

/** `sub`: "pairwise - a user has a different subject value in each client application" (ID token claims reference). */
export const pairwiseSubject = (app: Application, user: User): string =>
  createHash("sha256").update(`${app.appId}:${user.id}`).digest("base64url").slice(0, 43);

function commonClaims(tenant: DirectoryTenant, app: Application, credential: ClientCredential, now: number) {
  return {
    aud: GRAPH_RESOURCE,
    iss: graphTokenIssuer(tenant.id),
    iat: now,
    nbf: now,
    exp: now + ACCESS_TOKEN_SECONDS,
    aio: randomToken(24),
    app_displayname: app.displayName,
    appid: app.appId,
    appidacr: credential === "certificate" ? "2" : "1",
    idp: graphTokenIssuer(tenant.id),
    rh: `0.${randomToken(24)}.`,
    tid: tenant.id,
    uti: randomToken(16),
    ver: "1.0",
    xms_tcdt: Math.floor(Date.parse(tenant.createdDateTime) / 1000),
  };
}

/**
 * Client credentials: `roles` lists only admin-consented application permissions and is absent when there
 * are none — Entra still issues the token, Graph refuses it later.
 */
export async function issueAppToken(
  ctx: SandboxContext,
  tenant: DirectoryTenant,
  app: Application,
  credential: ClientCredential,
): Promise<TokenResponse> {
  const now = ctx.state.clock.nowSeconds();
  const roles = consentedRoles(app);
  const accessToken = await ctx.keys.sign({
    ...commonClaims(tenant, app, credential, now),
    idtyp: "app",
    oid: app.servicePrincipalId,
    sub: app.servicePrincipalId,
    ...(roles.length ? { roles } : {}),
  });
  return { token_type: "Bearer", expires_in: ACCESS_TOKEN_SECONDS, ext_expires_in: ACCESS_TOKEN_SECONDS, access_token: accessToken };
}

export interface UserGrant {
  tenant: DirectoryTenant;
  app: Application;
  user: User;
  credential: ClientCredential;
  /** Granted Graph permission names. */
  graphScopes: string[];
  oidc: string[];
  nonce?: string;
  clientInfo: boolean;
  grantIssuedAt: number;
}

export async function issueUserTokens(ctx: SandboxContext, grant: UserGrant): Promise<TokenResponse> {
  const { tenant, app, user } = grant;
  const now = ctx.state.clock.nowSeconds();
  const oidcClaims = grant.oidc.filter((s) => s !== "offline_access");
  const accessToken = await ctx.keys.sign({
    ...commonClaims(tenant, app, grant.credential, now),
    acct: 0,
    acr: "1",
    amr: ["pwd"],
    family_name: user.surname ?? undefined,
    given_name: user.givenName ?? undefined,
    idtyp: "user",
    ipaddr: "127.0.0.1",
    name: user.displayName,
    oid: user.id,
    scp: [...grant.graphScopes, ...oidcClaims].join(" "),
    sid: guid(),
    sub: pairwiseSubject(app, user),
    unique_name: user.userPrincipalName,
    upn: user.userPrincipalName,
  });

  const response: TokenResponse = {
    token_type: "Bearer",
    scope: [...grant.graphScopes.map((s) => `${GRAPH_RESOURCE}/${s}`), ...oidcClaims].join(" "),
    expires_in: ACCESS_TOKEN_SECONDS,
    ext_expires_in: ACCESS_TOKEN_SECONDS,
    access_token: accessToken,
  };

  if (grant.oidc.includes("offline_access")) {
    const refreshToken = `1.A${randomToken(96)}`;
    ctx.state.refreshTokens.set(refreshToken, {
      tenantId: tenant.id,
      appId: app.appId,
      userId: user.id,
      scopes: [...grant.graphScopes, ...grant.oidc],
      grantIssuedAt: grant.grantIssuedAt,
      issuedAt: ctx.state.clock.now(),
      rotated: false,
    });
    response.refresh_token = refreshToken;
  }

  if (grant.oidc.includes("openid")) response.id_token = await issueIdToken(ctx, grant, now);

  if (grant.clientInfo) response.client_info = clientInfo(user, tenant);
  return response;
}

/** {uid, utid}: what MSAL keys its account cache on; Entra adds it whenever the client sends client_info=1. */
export const clientInfo = (user: User, tenant: DirectoryTenant): string =>
  Buffer.from(JSON.stringify({ uid: user.id, utid: tenant.id })).toString("base64url");

/** The ID token's lifetime: "one hour" by default (https://learn.microsoft.com/entra/identity-platform/configurable-token-lifetimes). */
const ID_TOKEN_SECONDS = 3600;

/**
 * The address the `email` claim carries: a member's is its mailbox address (its UPN here, as Graph's `mail`); a B2B
 * guest's is the home address its UPN was made from ("alias_fabrikam.com#EXT#@contoso.onmicrosoft.com" is alias@fabrikam.com).
 */
export function userEmail(user: User): string {
  const guest = /^(.+)_([^_#]+)#EXT#@/i.exec(user.userPrincipalName);
  return guest ? `${guest[1]}@${guest[2]}` : user.userPrincipalName;
}

/**
 * `xms_edov`: "An email is considered to be domain verified if it belongs to the tenant where the user account resides
 * and the tenant admin has done verification of the domain" (optional claims reference,
 * https://learn.microsoft.com/entra/identity-platform/optional-claims-reference). A guest's home address is on a
 * domain this tenant does not own, so it is never verified here.
 */
export function emailDomainOwnerVerified(tenant: DirectoryTenant, email: string): boolean {
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  return tenant.domains.some((d) => d.isVerified && d.name.toLowerCase() === domain);
}

/**
 * A v2.0 ID token, claims as in https://learn.microsoft.com/entra/identity-platform/id-token-claims-reference: `name`,
 * `preferred_username` and `oid` need the profile scope, `email` the email scope (v2.0 only), and `xms_edov` is sent
 * only to apps that ask for it as an optional claim, and only beside an `email` ("For this claim to be returned in the
 * token, the presence of the email claim is required").
 */
async function issueIdToken(ctx: SandboxContext, grant: UserGrant, now: number): Promise<string> {
  const { tenant, app, user } = grant;
  const email = grant.oidc.includes("email") ? userEmail(user) : undefined;
  const wantsEdov = app.optionalClaims.idToken.some((c) => c.name === "xms_edov");
  return ctx.keys.sign({
    aud: app.appId,
    iss: v2Issuer(tenant.id),
    iat: now,
    nbf: now,
    exp: now + ID_TOKEN_SECONDS,
    aio: randomToken(24),
    ...(email ? { email } : {}),
    ...(grant.oidc.includes("profile") ? { name: user.displayName, oid: user.id, preferred_username: user.userPrincipalName } : {}),
    ...(grant.nonce ? { nonce: grant.nonce } : {}),
    rh: `0.${randomToken(24)}.`,
    sub: pairwiseSubject(app, user),
    tid: tenant.id,
    uti: randomToken(16),
    ver: "2.0",
    ...(email && wantsEdov ? { xms_edov: emailDomainOwnerVerified(tenant, email) } : {}),
  });
}
