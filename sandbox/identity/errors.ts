import type { IncomingMessage, ServerResponse } from "node:http";
import { guid } from "../core/ids";
import { sendJson } from "../core/http";

export interface AadError {
  status: number;
  error: string;
  code: number;
  message: string;
  suberror?: string;
}

/** Entra's "2016-01-09 02:02:12Z" timestamp format. */
export const aadTimestamp = (date: Date): string => date.toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z");

/** Entra's "2019-01-28T08:58:16.7135740Z" (7 fractional digits) used inside AADSTS messages. */
const ticksIso = (ms: number): string => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$10000Z");

/**
 * Microsoft's token-endpoint error body, field for field:
 * https://learn.microsoft.com/entra/identity-platform/reference-error-codes#handling-error-codes-in-your-application
 * The client-request-id header comes back as correlation_id, which is how MSAL reports it.
 */
export function sendAadError(
  req: IncomingMessage,
  res: ServerResponse,
  err: AadError,
  now: Date,
  headers: Record<string, string> = {},
): void {
  const traceId = guid();
  const correlationId = (req.headers["client-request-id"] as string | undefined) ?? guid();
  const timestamp = aadTimestamp(now);
  sendJson(
    res,
    err.status,
    {
      error: err.error,
      error_description: `AADSTS${err.code}: ${err.message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [err.code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${err.code}`,
      ...(err.suberror ? { suberror: err.suberror } : {}),
    },
    {
      "Cache-Control": "no-store, no-cache",
      Pragma: "no-cache",
      "x-ms-request-id": traceId,
      "client-request-id": correlationId,
      ...headers,
    },
  );
}

const e = (status: number, error: string, code: number, message: string, suberror?: string): AadError => ({
  status,
  error,
  code,
  message,
  suberror,
});

/**
 * The AADSTS errors the sandbox produces. Codes and meanings:
 * https://learn.microsoft.com/entra/identity-platform/reference-error-codes ; message texts are the ones
 * Entra returns in practice, as quoted in the issue threads cited beside each, or the reference's own
 * wording. Entries marked "wording ours" have a documented code but no published message text.
 */
export const aad = {
  // https://github.com/Azure/azure-cli/issues/22145 (2022), https://github.com/james-gould/azure-keyvault-emulator/issues/324 (2025)
  tenantNotFound: (tenant: string) =>
    e(400, "invalid_tenant", 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`),
  // https://github.com/caddy-dns/azure/issues/3 (a tenant GUID one character short), https://github.com/microsoft/Analysis-Services/issues/194
  invalidTenantIdentifier: (tenant: string) =>
    e(400, "invalid_request", 900023, `Specified tenant identifier '${tenant}' is neither a valid DNS name, nor a valid external domain.`),
  // https://github.com/donwa/oneindex/issues/621
  appNotFound: (clientId: string, directory: string) =>
    e(400, "unauthorized_client", 700016, `Application with identifier '${clientId}' was not found in the directory '${directory}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`),
  // https://github.com/OfficeDev/microsoft-365-agents-toolkit/issues/8621 (HTTP 401)
  invalidSecret: (appId: string) =>
    e(401, "invalid_client", 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${appId}'.`),
  // https://github.com/dotnet/sign/issues/849 (2025)
  expiredSecret: (appId: string) =>
    e(401, "invalid_client", 7000222, `The provided client secret keys for app '${appId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`),
  missingCredential: () =>
    e(401, "invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."),
  // https://github.com/Worklytics/psoxy/pull/74
  appDisabled: (appId: string, name: string) => e(400, "unauthorized_client", 7000112, `Application '${appId}'(${name}) is disabled.`),
  // https://github.com/MartinIngesen/MSOLSpray/issues/5 (interaction_required, suberror message_only)
  conditionalAccess: () =>
    e(400, "interaction_required", 53003, "Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.", "message_only"),
  // https://github.com/AzureAD/microsoft-authentication-library-for-js/issues/8339
  unknownCertificate: (appId: string, thumbprint: string) =>
    e(401, "invalid_client", 700027, `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${thumbprint}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${appId}'. Review the documentation at https://docs.microsoft.com/en-us/graph/deployments to determine the corresponding service endpoint and https://docs.microsoft.com/en-us/graph/api/application-get?view=graph-rest-1.0&tabs=http to build a query request URL, such as 'https://graph.microsoft.com/beta/applications/${appId}']`),
  // As reported by Entra Connect and the NPS extension when their certificates lapse.
  expiredCertificate: () =>
    e(401, "invalid_client", 700027, "The certificate with identifier used to sign the client assertion is expired on application. [Reason - The key used is expired.]"),
  assertionSignature: () => e(401, "invalid_client", 700027, "Client assertion failed signature validation."),
  // https://github.com/AzureAD/microsoft-authentication-library-for-java/issues/984 ; "valid from" is the epoch when the assertion has no nbf
  assertionTime: (now: number, notBefore: number, expires: number) =>
    e(401, "invalid_client", 700024, `Client assertion is not within its valid time range. Current time: ${ticksIso(now)}, assertion valid from ${ticksIso(notBefore)}, expiry time of assertion ${ticksIso(expires)}. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .`),
  // Wording ours.
  assertionClaims: (detail: string) => e(401, "invalid_client", 50027, `Invalid JWT token. ${detail}`),
  missingParameter: (name: string) => e(400, "invalid_request", 900144, `The request body must contain the following parameter: '${name}'.`),
  // Wording ours.
  unsupportedGrant: (grant: string) => e(400, "unsupported_grant_type", 70003, `The app requested an unsupported grant type '${grant}'.`),
  invalidScope: (scope: string) =>
    e(400, "invalid_scope", 70011, `The provided value for the input parameter 'scope' isn't valid. The scope ${scope} isn't valid.`),
  // Quoted in AzureAD sample code comments and many client libraries' tests.
  clientCredentialsScope: (scope: string) =>
    e(400, "invalid_scope", 1002012, `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`),
  // The reference's wording for AADSTS500011.
  resourceNotFound: (resource: string, tenant: string) =>
    e(400, "invalid_resource", 500011, `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`),
  // The text Entra returns for an unknown or superseded refresh token; no doc page lists it, client code everywhere matches on it.
  invalidGrant: () => e(400, "invalid_grant", 70000, "Provided grant is invalid or malformed."),
  codeRedeemed: () =>
    e(400, "invalid_grant", 54005, "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token."),
  codeExpired: () =>
    e(400, "invalid_grant", 70008, "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource."),
  pkceMismatch: () => e(400, "invalid_grant", 501481, "The Code_Verifier does not match the code_challenge supplied in the authorization request."),
  // Observed at the token endpoint (quoted in a 2018 OWIN sample's comments).
  replyAddressMismatch: (given: string, expected: string) =>
    e(400, "invalid_grant", 50011, `The reply address '${given}' does not match the reply address '${expected}' provided when requesting Authorization code.`),
  // https://github.com/Azure/azure-cli/issues/14244 ; suberror as MSAL reports it (microsoft/foundry-dev-tools#707)
  refreshInactive: (issuedAt: number) =>
    e(400, "invalid_grant", 700082, `The refresh token has expired due to inactivity. The token was issued on ${ticksIso(issuedAt)} and was inactive for 90.00:00:00.`, "bad_token"),
  // https://github.com/microsoft/azuredatastudio/issues/13953
  refreshRevoked: (grantIssuedAt: number, validFrom: number) =>
    e(400, "invalid_grant", 50173, `The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '${ticksIso(grantIssuedAt)}' and the TokensValidFrom date (before which tokens are not valid) for this user is '${ticksIso(validFrom)}'.`),
  // https://github.com/MicrosoftDocs/azure-docs/issues/39189 (suberror consent_required)
  consentRequired: (appId: string, name: string) =>
    e(400, "invalid_grant", 65001, `The user or administrator has not consented to use the application with ID '${appId}' named '${name}'. Send an interactive authorization request for this user and resource.`, "consent_required"),
  userDisabled: () => e(400, "invalid_grant", 50057, "The user account is disabled."),
  // The text of Entra's error page; https://learn.microsoft.com/troubleshoot/azure/active-directory/error-code-aadsts50011-reply-url-mismatch
  redirectUriMismatch: (redirectUri: string, appId: string) =>
    e(400, "invalid_request", 50011, `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${appId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`),
  // https://github.com/microsoftgraph/msgraph-sample-phpapp/issues/199, https://github.com/MicrosoftDocs/azure-docs/issues/55341
  notMultiTenant: (appId: string, name: string) =>
    e(400, "invalid_request", 50194, `Application '${appId}'(${name}) is not configured as a multi-tenant application. Usage of the /common endpoint is not supported for such applications created after '10/15/2018'. Use a tenant-specific endpoint or configure the application to be multi-tenant.`),
  userDeclinedConsent: () => e(400, "access_denied", 65004, "User declined to consent to access the app."),
  badCredentials: () => e(400, "invalid_grant", 50126, "Error validating credentials due to invalid username or password."),
  flowExpired: () => e(400, "invalid_request", 50089, "Authentication failed due to flow token expired."),
  // Wording ours.
  loginRequired: () => e(400, "login_required", 50058, "A silent sign-in request was sent but no user is signed in."),
  // Wording ours.
  unsupportedResponseType: (responseType: string) =>
    e(400, "unsupported_response_type", 70005, `The application requested an unsupported response type '${responseType}'.`),
  postOnly: (method: string) =>
    e(400, "invalid_request", 900561, `The endpoint only accepts POST requests. Received a ${method} request.`),
  invalidInstance: () => e(400, "invalid_instance", 50049, "Unknown or invalid instance."),
  // Injected faults (service-faults.ts). The wording of Microsoft's AADSTS50000 troubleshooting article; Entra reports
  // internal errors as 500 server_error (https://github.com/AzureAD/azure-activedirectory-library-for-python/issues/18).
  tokenIssuance: () => e(500, "server_error", 50000, "There was an error issuing a token or an issue with our sign-in service."),
  // The reference's wording for ExternalServerRetryableError; temporarily_unavailable is the OAuth error it documents for
  // "temporarily too busy", which Entra sends with 503 and Retry-After (AzureAD/microsoft-authentication-library-for-dotnet#3907).
  temporarilyUnavailable: () => e(503, "temporarily_unavailable", 90006, "The service is temporarily unavailable."),
};
