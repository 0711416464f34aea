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

const pairwiseSubject = (app: Application, user: User): string =>
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

  if (grant.oidc.includes("openid")) {
    response.id_token = await ctx.keys.sign({
      aud: app.appId,
      iss: v2Issuer(tenant.id),
      iat: now,
      nbf: now,
      exp: now + 3600,
      aio: randomToken(24),
      name: user.displayName,
      ...(grant.nonce ? { nonce: grant.nonce } : {}),
      oid: user.id,
      preferred_username: user.userPrincipalName,
      rh: `0.${randomToken(24)}.`,
      sub: pairwiseSubject(app, user),
      tid: tenant.id,
      uti: randomToken(16),
      ver: "2.0",
    });
  }

  if (grant.clientInfo) response.client_info = clientInfo(user, tenant);
  return response;
}

/** {uid, utid}: what MSAL keys its account cache on; Entra adds it whenever the client sends client_info=1. */
export const clientInfo = (user: User, tenant: DirectoryTenant): string =>
  Buffer.from(JSON.stringify({ uid: user.id, utid: tenant.id })).toString("base64url");
