export const LOGIN_HOST = "login.microsoftonline.com";
const LOGIN = `https://${LOGIN_HOST}`;

export const v2Issuer = (tenantId: string): string => `${LOGIN}/${tenantId}/v2.0`;

/**
 * The document as Microsoft serves it, with the REAL hosts: clients reach the sandbox only through their
 * own URL rewriting. Fields as in live responses kept as nock recordings in Azure/azure-sdk-for-js
 * (sdk/<package>/recordings). A tenant's document names its GUID everywhere; /common's and
 * /organizations' keep that segment in the endpoints and a literal "{tenantid}" in the issuer.
 */
export function openIdConfiguration(t: string, issuerTenant: string = t) {
  return {
    token_endpoint: `${LOGIN}/${t}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
    jwks_uri: `${LOGIN}/${t}/discovery/v2.0/keys`,
    response_modes_supported: ["query", "fragment", "form_post"],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["RS256"],
    response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
    scopes_supported: ["openid", "profile", "email", "offline_access"],
    issuer: v2Issuer(issuerTenant),
    request_uri_parameter_supported: false,
    userinfo_endpoint: "https://graph.microsoft.com/oidc/userinfo",
    authorization_endpoint: `${LOGIN}/${t}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${LOGIN}/${t}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${LOGIN}/${t}/oauth2/v2.0/logout`,
    claims_supported: [
      "sub", "iss", "cloud_instance_name", "cloud_instance_host_name", "cloud_graph_host_name", "msgraph_host",
      "aud", "exp", "iat", "auth_time", "acr", "nonce", "preferred_username", "name", "tid", "ver", "at_hash",
      "c_hash", "email",
    ],
    kerberos_endpoint: `${LOGIN}/${t}/kerberos`,
    tenant_region_scope: "NA",
    cloud_instance_name: "microsoftonline.com",
    cloud_graph_host_name: "graph.windows.net",
    msgraph_host: "graph.microsoft.com",
    rbac_url: "https://pas.windows.net",
  };
}

const GLOBAL_ALIASES = ["login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net"];

/** Cloud metadata of https://login.microsoftonline.com/common/discovery/instance?api-version=1.1 (same recordings). */
const INSTANCE_METADATA = [
  { preferred_network: "login.microsoftonline.com", preferred_cache: "login.windows.net", aliases: GLOBAL_ALIASES },
  {
    preferred_network: "login.partner.microsoftonline.cn",
    preferred_cache: "login.partner.microsoftonline.cn",
    aliases: ["login.partner.microsoftonline.cn", "login.chinacloudapi.cn"],
  },
  { preferred_network: "login.microsoftonline.de", preferred_cache: "login.microsoftonline.de", aliases: ["login.microsoftonline.de"] },
  {
    preferred_network: "login.microsoftonline.us",
    preferred_cache: "login.microsoftonline.us",
    aliases: ["login.microsoftonline.us", "login.usgovcloudapi.net"],
  },
  {
    preferred_network: "login-us.microsoftonline.com",
    preferred_cache: "login-us.microsoftonline.com",
    aliases: ["login-us.microsoftonline.com"],
  },
];

const KNOWN_HOSTS = new Set(INSTANCE_METADATA.flatMap((m) => m.aliases));

/**
 * MSAL asks with `authorization_endpoint=https://{host}/{tenant}/oauth2/v2.0/authorize`; the answer points
 * at that tenant's discovery document. Returns undefined for an authority host Microsoft does not know.
 */
export function instanceDiscovery(authorizationEndpoint: string | null) {
  let tenantDiscovery = `${LOGIN}/common/v2.0/.well-known/openid-configuration`;
  if (authorizationEndpoint) {
    let url: URL;
    try {
      url = new URL(authorizationEndpoint);
    } catch {
      return undefined;
    }
    if (!KNOWN_HOSTS.has(url.host)) return undefined;
    const tenant = url.pathname.split("/").filter(Boolean)[0] ?? "common";
    tenantDiscovery = `https://${url.host}/${tenant}/v2.0/.well-known/openid-configuration`;
  }
  return { tenant_discovery_endpoint: tenantDiscovery, "api-version": "1.1", metadata: INSTANCE_METADATA };
}
