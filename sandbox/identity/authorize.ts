import type { SandboxContext } from "../core/context";
import { readBody, redirect, sendHtml, type Exchange } from "../core/http";
import { guid, randomToken } from "../core/ids";
import type { User } from "../core/schema";
import type { DirectoryTenant, PendingSignIn, SandboxState } from "../core/state";
import { aad, aadTimestamp, type AadError } from "./errors";
import { consentPage, errorPage, formPostPage, signInPage } from "./pages";
import { redirectUriRegistered } from "./redirect-uri";
import { resolveApplication } from "./tenant-segment";
import { grantedDelegated, missingConsent, parseScopes, recordConsent } from "./scopes";
import { clientInfo } from "./tokens";

/** "Authorization codes are short lived. Typically, they expire after about 10 minutes." (auth code flow doc) */
const CODE_LIFETIME_MS = 10 * 60 * 1000;

function showError(ctx: SandboxContext, ex: Exchange, err: AadError): void {
  sendHtml(
    ex.res,
    err.status,
    errorPage({
      code: err.code,
      message: err.message,
      requestId: guid(),
      correlationId: guid(),
      timestamp: aadTimestamp(ctx.state.clock.date()),
    }),
  );
}

/** Delivers parameters to the app's redirect URI in the response mode it asked for. */
function respond(ex: Exchange, pending: Pick<PendingSignIn, "redirectUri" | "responseMode">, params: Record<string, string>): void {
  if (pending.responseMode === "form_post") {
    const { body, csp } = formPostPage(pending.redirectUri, params);
    return sendHtml(ex.res, 200, body, { "Content-Security-Policy": csp });
  }
  const query = new URLSearchParams(params).toString();
  if (pending.responseMode === "fragment") return redirect(ex.res, `${pending.redirectUri}#${query}`);
  redirect(ex.res, `${pending.redirectUri}${pending.redirectUri.includes("?") ? "&" : "?"}${query}`);
}

/** Errors go back to the app once its redirect URI is known to be registered — the auth code flow doc's error response. */
function respondError(ctx: SandboxContext, ex: Exchange, pending: Pick<PendingSignIn, "redirectUri" | "responseMode" | "state">, err: AadError, extra: Record<string, string> = {}): void {
  const description = `AADSTS${err.code}: ${err.message}\r\nTrace ID: ${guid()}\r\nCorrelation ID: ${guid()}\r\nTimestamp: ${aadTimestamp(ctx.state.clock.date())}`;
  respond(ex, pending, {
    error: err.error,
    error_description: description,
    ...extra,
    error_uri: `https://login.microsoftonline.com/error?code=${err.code}`,
    ...(pending.state !== undefined ? { state: pending.state } : {}),
  });
}

/** GET|POST /{tenant}/oauth2/v2.0/authorize — https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow */
export async function authorizeEndpoint(ctx: SandboxContext, ex: Exchange, tenantSegment: string): Promise<void> {
  if (ex.req.method === "POST") return continueSignIn(ctx, ex);
  const { state } = ctx;
  const q = ex.url.searchParams;
  const clientId = q.get("client_id");
  if (!clientId) return showError(ctx, ex, aad.missingParameter("client_id"));
  const resolved = resolveApplication(state, tenantSegment, clientId);
  if ("error" in resolved) return showError(ctx, ex, resolved);
  const { tenant, app, anyOrganization } = resolved;
  const redirectUri = q.get("redirect_uri") ?? "";
  // Checked before anything is sent back: an unregistered URI must never receive a response.
  if (!redirectUriRegistered(app.redirectUris, redirectUri)) return showError(ctx, ex, aad.redirectUriMismatch(redirectUri, app.appId));
  if (!app.enabled) return showError(ctx, ex, aad.appDisabled(app.appId, app.displayName));

  const responseModeParam = q.get("response_mode");
  const responseMode = responseModeParam === "fragment" || responseModeParam === "form_post" ? responseModeParam : "query";
  const target = { redirectUri, responseMode, state: q.get("state") ?? undefined } as const;
  const responseType = q.get("response_type") ?? "";
  if (!responseType.split(" ").includes("code")) return respondError(ctx, ex, target, aad.unsupportedResponseType(responseType));
  const parsed = parseScopes(q.get("scope") ?? "");
  if (!parsed.ok) return respondError(ctx, ex, target, aad.invalidScope(parsed.scope));
  // No single sign-on session is ever kept, so a silent request always needs interaction.
  if (q.get("prompt") === "none") return respondError(ctx, ex, target, aad.loginRequired());

  const flow = randomToken();
  state.pendingSignIns.set(flow, {
    tenantId: tenant.id,
    appId: app.appId,
    ...target,
    scopes: (q.get("scope") ?? "").split(/\s+/).filter(Boolean),
    nonce: q.get("nonce") ?? undefined,
    codeChallenge: q.get("code_challenge") ?? undefined,
    codeChallengeMethod: q.get("code_challenge_method") ?? undefined,
    clientInfo: q.get("client_info") === "1",
    forceConsent: q.get("prompt") === "consent",
    loginHint: q.get("login_hint") ?? undefined,
    anyOrganization,
    expiresAt: state.clock.now() + CODE_LIFETIME_MS,
  });
  sendHtml(ex.res, 200, signInPage({ flow, app, tenant }, q.get("login_hint") ?? undefined, undefined, selectableUsers(state, tenant, anyOrganization)));
}

/** The accounts the sign-in page offers: the tenant's own, or every organization's at /common and /organizations. */
function selectableUsers(state: SandboxState, tenant: DirectoryTenant, anyOrganization: boolean | undefined): User[] {
  return anyOrganization ? state.tenants.filter((t) => t.enabled).flatMap((t) => t.users) : tenant.users;
}

function findSigningInUser(state: SandboxState, tenant: DirectoryTenant, pending: PendingSignIn, username: string): User | undefined {
  if (!pending.anyOrganization) return state.findUser(tenant, username);
  for (const t of state.tenants.filter((candidate) => candidate.enabled)) {
    const user = state.findUser(t, username);
    if (user) return user;
  }
  return undefined;
}

async function continueSignIn(ctx: SandboxContext, ex: Exchange): Promise<void> {
  const { state } = ctx;
  const form = new URLSearchParams(await readBody(ex.req));
  const flow = form.get("flow") ?? "";
  const pending = state.pendingSignIns.get(flow);
  const tenant = pending && state.findTenant(pending.tenantId);
  const app = tenant && pending && state.findApplication(tenant, pending.appId);
  if (!pending || !tenant || !app || pending.expiresAt <= state.clock.now()) return showError(ctx, ex, aad.flowExpired());

  if (form.get("step") === "signin") {
    const user = findSigningInUser(state, tenant, pending, form.get("username") ?? "");
    if (!user || user.password !== form.get("password")) {
      const err = aad.badCredentials();
      const users = selectableUsers(state, tenant, pending.anyOrganization);
      return sendHtml(ex.res, 200, signInPage({ flow, app, tenant }, form.get("username") ?? undefined, `AADSTS${err.code}: ${err.message}`, users));
    }
    if (!user.accountEnabled) return showError(ctx, ex, aad.userDisabled());
    if (app.conditionalAccessBlocked) return showError(ctx, ex, aad.conditionalAccess());
    pending.userId = user.id;
  }

  const signedIn = pending.userId ? state.findUserById(pending.userId) : undefined;
  if (!signedIn) return showError(ctx, ex, aad.flowExpired());
  const { user, tenant: userTenant } = signedIn;

  const parsed = parseScopes(pending.scopes.join(" "));
  // A multi-tenant app has no service principal in another organization until a user there consents to it ("A service
  // principal is created when a user from that tenant consents to use of the application",
  // https://learn.microsoft.com/entra/architecture/service-accounts-principal), so that organization's users are asked
  // for the sign-in scopes too. The app's home tenant is taken to have consented to them.
  const firstUseInTenant = parsed.ok && userTenant.id !== tenant.id ? parsed.scopes.oidc : [];
  const requested = parsed.ok
    ? [...(parsed.scopes.graphDefault ? app.delegatedPermissions.map((p) => p.name) : parsed.scopes.graph), ...firstUseInTenant]
    : [];
  const missing = missingConsent(requested, grantedDelegated(app, user));

  if (form.get("step") === "consent") {
    if (form.get("decision") !== "accept") {
      state.pendingSignIns.delete(flow);
      return respondError(ctx, ex, pending, aad.userDeclinedConsent(), { error_subcode: "cancel" });
    }
    recordConsent(app, user, requested);
  } else if (missing.length || pending.forceConsent) {
    return sendHtml(ex.res, 200, consentPage({ flow, app, tenant }, user, pending.forceConsent ? requested : missing));
  }

  state.pendingSignIns.delete(flow);
  const code = `1.A${randomToken(64)}`;
  state.codes.set(code, {
    // The user's own tenant issues the tokens: the app's home tenant, or any other at /common.
    tenantId: userTenant.id,
    appId: app.appId,
    userId: user.id,
    redirectUri: pending.redirectUri,
    scopes: pending.scopes,
    codeChallenge: pending.codeChallenge,
    codeChallengeMethod: pending.codeChallengeMethod,
    nonce: pending.nonce,
    expiresAt: state.clock.now() + CODE_LIFETIME_MS,
    redeemed: false,
  });
  respond(ex, pending, {
    code,
    ...(pending.clientInfo ? { client_info: clientInfo(user, userTenant) } : {}),
    ...(pending.state !== undefined ? { state: pending.state } : {}),
    session_state: guid(),
  });
}
