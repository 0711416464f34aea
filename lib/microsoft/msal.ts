import { ConfidentialClientApplication, type ICachePlugin } from "@azure/msal-node";
import { decodeJwt } from "jose";
import { authorityUrl, CLOUDS, graphAppScope, type CloudId } from "./clouds";
import { createMsalNetworkClient, type Fetch } from "./transport";

export interface ConfidentialClientOptions {
  cloud: CloudId;
  /** Tenant GUID or verified domain. */
  tenant: string;
  clientId: string;
  /** Exactly one of clientSecret and clientCertificate. */
  clientSecret?: string;
  /** Hex SHA-256 thumbprint of the registered certificate and its PEM private key. */
  clientCertificate?: { thumbprintSha256: string; privateKey: string };
  fetch: Fetch;
  cachePlugin?: ICachePlugin;
}

/**
 * The endpoints MSAL would otherwise discover. Handing them over (with the host as a known authority)
 * leaves one identity call per token, POST /{tenant}/oauth2/v2.0/token, in every cloud; see msal-common's
 * Authority: config metadata wins over hardcoded values and the network.
 */
function authorityMetadata(cloud: CloudId, tenant: string): string {
  const authority = authorityUrl(cloud, tenant);
  return JSON.stringify({
    token_endpoint: `${authority}/oauth2/v2.0/token`,
    authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
    jwks_uri: `${authority}/discovery/v2.0/keys`,
    issuer: `${authority}/v2.0`,
  });
}

export function createConfidentialClient(options: ConfidentialClientOptions): ConfidentialClientApplication {
  const { cloud, tenant, clientId, clientSecret, clientCertificate, fetch, cachePlugin } = options;
  return new ConfidentialClientApplication({
    auth: {
      clientId,
      authority: authorityUrl(cloud, tenant),
      knownAuthorities: [CLOUDS[cloud].authorityHost],
      authorityMetadata: authorityMetadata(cloud, tenant),
      ...(clientSecret !== undefined ? { clientSecret } : {}),
      ...(clientCertificate ? { clientCertificate } : {}),
    },
    cache: cachePlugin ? { cachePlugin } : undefined,
    system: { networkClient: createMsalNetworkClient(fetch) },
  });
}

export interface AppToken {
  accessToken: string;
  expiresOn: Date | null;
  fromCache: boolean;
  /** Admin-consented application permissions. Missing consent does not fail the token request: it shows here as []. */
  roles: string[];
}

/**
 * An app-only Graph token. `skipCache` forces a round trip to Entra, which is how a connection test proves
 * the credential as it is now rather than as it was when the cached token was issued.
 */
export async function acquireAppToken(
  client: ConfidentialClientApplication,
  { cloud, skipCache = false }: { cloud: CloudId; skipCache?: boolean },
): Promise<AppToken> {
  const result = await client.acquireTokenByClientCredential({ scopes: [graphAppScope(cloud)], skipCache });
  if (!result) throw new Error("MSAL returned no token for the client credentials request.");
  const { roles } = decodeJwt(result.accessToken);
  return {
    accessToken: result.accessToken,
    expiresOn: result.expiresOn,
    fromCache: result.fromCache,
    roles: Array.isArray(roles) ? roles.map(String) : [],
  };
}
