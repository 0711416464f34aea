import { type AuthenticationResult, type ConfidentialClientApplication, CryptoProvider, type JsonCache, ResponseMode } from "@azure/msal-node";
import { decodeJwt } from "jose";

/**
 * What a delegated connection asks for: to send as the signed-in mailbox, to read who signed in, and a
 * refresh token (offline_access) so it can keep doing so. MSAL adds openid and profile itself.
 */
export const DELEGATED_SCOPES = ["offline_access", "Mail.Send", "User.Read"];

export interface UserToken {
  accessToken: string;
  expiresOn: Date | null;
  /** Delegated permissions the token carries (its scp claim), as Graph reads them. */
  scopes: string[];
}

export interface SignedInTokens extends UserToken {
  /** The newest refresh token, or null when Microsoft returned none. */
  refreshToken: string | null;
}

/** A PKCE pair (RFC 7636, S256) from MSAL's own generator. */
export function newPkce(): Promise<{ verifier: string; challenge: string }> {
  return new CryptoProvider().generatePkceCodes();
}

/** The authorize URL on the real Microsoft host; a sandbox connection rewrites it like any other request. */
export function authorizeUrl(
  client: ConfidentialClientApplication,
  request: { redirectUri: string; state: string; codeChallenge: string; loginHint: string },
): Promise<string> {
  return client.getAuthCodeUrl({
    scopes: DELEGATED_SCOPES,
    redirectUri: request.redirectUri,
    state: request.state,
    codeChallenge: request.codeChallenge,
    codeChallengeMethod: "S256",
    loginHint: request.loginHint,
    responseMode: ResponseMode.QUERY,
  });
}

/**
 * MSAL keeps refresh tokens out of its results by design and holds them in its token cache instead
 * (msal-node docs, caching.md and the FAQ "How do I get the refresh token"). The client is built for one
 * exchange with an empty in-memory cache, so the serialized cache holds exactly the token just issued.
 */
function refreshTokenIn(client: ConfidentialClientApplication): string | null {
  const cache = JSON.parse(client.getTokenCache().serialize()) as Partial<JsonCache>;
  return Object.values(cache.RefreshToken ?? {}).at(-1)?.secret ?? null;
}

function tokensOf(result: AuthenticationResult | null, client: ConfidentialClientApplication): SignedInTokens {
  if (!result) throw new Error("MSAL returned no token for the delegated request.");
  const { scp } = decodeJwt(result.accessToken);
  return {
    accessToken: result.accessToken,
    expiresOn: result.expiresOn,
    scopes: typeof scp === "string" ? scp.split(" ").filter(Boolean) : [],
    refreshToken: refreshTokenIn(client),
  };
}

/** Redeems the authorization code with the PKCE verifier; `client` must be fresh (see refreshTokenIn). */
export async function redeemCode(
  client: ConfidentialClientApplication,
  request: { code: string; redirectUri: string; codeVerifier: string },
): Promise<SignedInTokens> {
  return tokensOf(await client.acquireTokenByCode({ ...request, scopes: DELEGATED_SCOPES }), client);
}

/**
 * A new access token from a stored refresh token. This is the use msal-node documents the API for: a
 * refresh token kept outside MSAL (here sealed in Postgres). `forceCache` lets MSAL cache the answer although
 * its fresh cache knows no account, which is how the rotated refresh token becomes readable.
 */
export async function redeemRefreshToken(client: ConfidentialClientApplication, refreshToken: string): Promise<SignedInTokens> {
  return tokensOf(await client.acquireTokenByRefreshToken({ refreshToken, scopes: DELEGATED_SCOPES, forceCache: true }), client);
}

/**
 * Microsoft refused the stored sign-in itself (revoked, expired, password reset, consent withdrawn, or a
 * sign-in policy that needs the person): only signing in again helps, so retrying is pointless.
 */
export function signInRejected(error: unknown): boolean {
  const code = (error as { errorCode?: unknown } | null)?.errorCode;
  return code === "invalid_grant" || code === "interaction_required";
}
