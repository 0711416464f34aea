import { createHash } from "node:crypto";
import type { SandboxContext } from "../core/context";
import { readBody, sendJson, type Exchange } from "../core/http";
import { guid } from "../core/ids";
import type { Application } from "../core/schema";
import type { DirectoryTenant } from "../core/state";
import { authenticateClient, basicClientId, type ClientCredential } from "./client-auth";
import { aad, sendAadError, type AadError } from "./errors";
import { isMultiTenantSegment, resolveApplication, unknownTenant } from "./tenant-segment";
import { grantedDelegated, GRAPH_APP_ID, GRAPH_RESOURCE, missingConsent, parseScopes, type RequestedScopes } from "./scopes";
import { issueAppToken, issueUserTokens, type TokenResponse } from "./tokens";

/** Entra's documented refresh token inactivity lifetime (AADSTS700082 messages quote "90.00:00:00"). */
const REFRESH_INACTIVITY_MS = 90 * 24 * 3600 * 1000;

type Outcome = { ok: true; body: TokenResponse } | { ok: false; error: AadError };
const fail = (error: AadError): Outcome => ({ ok: false, error });

interface GrantContext {
  ctx: SandboxContext;
  /** The tenant the request was addressed to: the app's home tenant at /common and /organizations. */
  tenant: DirectoryTenant;
  /** Addressed to /common or /organizations: codes and refresh tokens of any tenant's users are redeemed here. */
  anyOrganization: boolean;
  app: Application;
  credential: ClientCredential;
  params: URLSearchParams;
}

/** POST /{tenant}/oauth2/v2.0/token — https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow */
export async function tokenEndpoint(ctx: SandboxContext, ex: Exchange, tenantSegment: string): Promise<void> {
  const outcome = await resolve(ctx, ex, tenantSegment);
  if (!outcome.ok) return sendAadError(ex.req, ex.res, outcome.error, ctx.state.clock.date());
  sendJson(ex.res, 200, outcome.body, {
    "Cache-Control": "no-store, no-cache",
    Pragma: "no-cache",
    "x-ms-request-id": guid(),
  });
}

async function resolve(ctx: SandboxContext, ex: Exchange, tenantSegment: string): Promise<Outcome> {
  const { state } = ctx;
  const params = new URLSearchParams(await readBody(ex.req));
  const grantType = params.get("grant_type");
  // An app's own token names its tenant: client credentials have no user whose tenant /common could stand for.
  const userGrant = grantType === "authorization_code" || grantType === "refresh_token";
  if (!state.findTenant(tenantSegment) && !(userGrant && isMultiTenantSegment(tenantSegment))) return fail(unknownTenant(tenantSegment));

  if (!grantType) return fail(aad.missingParameter("grant_type"));
  const handler = GRANTS[grantType];
  if (!handler) return fail(aad.unsupportedGrant(grantType));

  const clientId = params.get("client_id") ?? basicClientId(ex.req.headers.authorization);
  if (!clientId) return fail(aad.missingParameter("client_id"));
  const resolved = resolveApplication(state, tenantSegment, clientId);
  if ("error" in resolved) return fail(resolved);
  const { tenant, app, anyOrganization } = resolved;
  if (!app.enabled) return fail(aad.appDisabled(app.appId, app.displayName));

  const auth = await authenticateClient(tenant, app, params, ex.req.headers.authorization, state.clock);
  if (!auth.ok) return fail(auth.error);
  // Conditional Access is evaluated once the client has proven who it is.
  if (app.conditionalAccessBlocked) return fail(aad.conditionalAccess());

  return handler({ ctx, tenant, anyOrganization, app, credential: auth.credential, params });
}

const GRANTS: Record<string, (g: GrantContext) => Promise<Outcome>> = {
  client_credentials: clientCredentials,
  authorization_code: authorizationCode,
  refresh_token: refreshToken,
};

async function clientCredentials({ ctx, tenant, app, credential, params }: GrantContext): Promise<Outcome> {
  const scope = params.get("scope");
  if (!scope) return fail(aad.missingParameter("scope"));
  const resource = scope.trim().replace(/\/\.default$/, "");
  if (resource === scope.trim() || scope.trim().includes(" ")) return fail(aad.clientCredentialsScope(scope));
  if (resource !== GRAPH_RESOURCE && resource !== GRAPH_APP_ID) return fail(aad.resourceNotFound(resource, tenant.id));
  return { ok: true, body: await issueAppToken(ctx, tenant, app, credential) };
}

/** S256 per RFC 7636; "plain" when the method was omitted, as the auth code flow doc allows. */
function pkceMatches(challenge: string, method: string | undefined, verifier: string | null): boolean {
  if (!verifier) return false;
  if ((method ?? "plain").toUpperCase() === "S256") {
    return createHash("sha256").update(verifier).digest("base64url") === challenge;
  }
  return verifier === challenge;
}

/**
 * Which Graph permissions the new token carries: the ones asked for now (or, when none are named, the ones
 * of the original grant), each of which must still be consented — otherwise AADSTS65001.
 */
function delegatedScopes(requested: RequestedScopes, fallback: string[], granted: string[]): string[] | undefined {
  const wanted = requested.graphDefault ? granted : requested.graph.length ? requested.graph : fallback;
  return missingConsent(wanted, granted).length ? undefined : wanted;
}

/** The tenant whose user a code or refresh token belongs to, if this request may redeem it. */
function grantTenant({ ctx, tenant, anyOrganization }: GrantContext, tenantId: string): DirectoryTenant | undefined {
  if (!anyOrganization) return tenantId === tenant.id ? tenant : undefined;
  return ctx.state.findTenant(tenantId);
}

async function authorizationCode(grant: GrantContext): Promise<Outcome> {
  const { ctx, app, credential, params } = grant;
  const { state } = ctx;
  const code = params.get("code");
  if (!code) return fail(aad.missingParameter("code"));
  const redirectUri = params.get("redirect_uri");
  if (!redirectUri) return fail(aad.missingParameter("redirect_uri"));

  const record = state.codes.get(code);
  const tenant = record && grantTenant(grant, record.tenantId);
  if (!record || record.appId !== app.appId || !tenant) return fail(aad.invalidGrant());
  if (record.redeemed) return fail(aad.codeRedeemed());
  // A code is single use whatever the outcome of this attempt.
  record.redeemed = true;
  if (record.expiresAt <= state.clock.now()) return fail(aad.codeExpired());
  if (redirectUri !== record.redirectUri) return fail(aad.replyAddressMismatch(redirectUri, record.redirectUri));
  if (record.codeChallenge && !pkceMatches(record.codeChallenge, record.codeChallengeMethod, params.get("code_verifier"))) {
    return fail(aad.pkceMismatch());
  }

  const user = tenant.users.find((u) => u.id === record.userId);
  if (!user?.accountEnabled) return fail(aad.userDisabled());
  const parsed = parseScopes(params.get("scope") ?? "");
  if (!parsed.ok) return fail(aad.invalidScope(parsed.scope));
  // Without scopes of its own the request gets the Graph permissions of the authorize request: none for a sign-in
  // that asked only for OpenID Connect scopes.
  const fromAuthorize = parseScopes(record.scopes.join(" "));
  const authorized = fromAuthorize.ok ? fromAuthorize.scopes.graph : [];
  const graphScopes = delegatedScopes(parsed.scopes, authorized, grantedDelegated(app, user));
  if (!graphScopes) return fail(aad.consentRequired(app.appId, app.displayName));

  const oidc = [...new Set([...(fromAuthorize.ok ? fromAuthorize.scopes.oidc : []), ...parsed.scopes.oidc])];
  const body = await issueUserTokens(ctx, {
    tenant,
    app,
    user,
    credential,
    graphScopes,
    oidc,
    nonce: record.nonce,
    clientInfo: params.get("client_info") === "1",
    grantIssuedAt: state.clock.now(),
  });
  return { ok: true, body };
}

async function refreshToken(context: GrantContext): Promise<Outcome> {
  const { ctx, app, credential, params } = context;
  const { state } = ctx;
  const token = params.get("refresh_token");
  if (!token) return fail(aad.missingParameter("refresh_token"));
  const grant = state.refreshTokens.get(token);
  const tenant = grant && grantTenant(context, grant.tenantId);
  // Entra keeps superseded refresh tokens valid; the sandbox rotates strictly (OAuth 2.0 allows either,
  // RFC 6749 §6), so a client that survives here survives there.
  if (!grant || grant.rotated || grant.appId !== app.appId || !tenant) return fail(aad.invalidGrant());

  const validFrom = state.tokensValidFrom.get(grant.userId);
  if (validFrom !== undefined && grant.grantIssuedAt < validFrom) return fail(aad.refreshRevoked(grant.grantIssuedAt, validFrom));
  if (state.clock.now() - grant.issuedAt > REFRESH_INACTIVITY_MS) return fail(aad.refreshInactive(grant.issuedAt));

  const user = tenant.users.find((u) => u.id === grant.userId);
  if (!user?.accountEnabled) return fail(aad.userDisabled());
  const parsed = parseScopes(params.get("scope") ?? "");
  if (!parsed.ok) return fail(aad.invalidScope(parsed.scope));
  const previous = parseScopes(grant.scopes.join(" "));
  const previousGraph = previous.ok ? previous.scopes.graph : [];
  const graphScopes = delegatedScopes(parsed.scopes, previousGraph, grantedDelegated(app, user));
  if (!graphScopes) return fail(aad.consentRequired(app.appId, app.displayName));

  grant.rotated = true;
  const oidc = [...new Set([...(previous.ok ? previous.scopes.oidc : []), ...parsed.scopes.oidc])];
  const body = await issueUserTokens(ctx, {
    tenant,
    app,
    user,
    credential,
    graphScopes,
    oidc,
    clientInfo: params.get("client_info") === "1",
    grantIssuedAt: grant.grantIssuedAt,
  });
  return { ok: true, body };
}
