/**
 * Microsoft documentation the catalog links to, in one place so a moved page is fixed once.
 * Locale-less learn.microsoft.com URLs: Learn redirects each reader to their own language.
 */
const ENTRA_TS = "https://learn.microsoft.com/troubleshoot/entra/entra-id/app-integration";
const EXO_LIMITS =
  "https://learn.microsoft.com/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits";
const EXO_NDR = "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online";

export const DOCS = {
  aadstsReference: "https://learn.microsoft.com/entra/identity-platform/reference-error-codes",
  addClientSecret: "https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials?tabs=client-secret",
  clientCredentialsFlow: "https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow",
  authCodeFlow: "https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow",
  refreshTokens: "https://learn.microsoft.com/entra/identity-platform/refresh-tokens",
  permissionsAndConsent: "https://learn.microsoft.com/entra/identity-platform/permissions-consent-overview",
  grantAdminConsent: "https://learn.microsoft.com/entra/identity/enterprise-apps/grant-admin-consent",
  conditionalAccessTroubleshoot:
    "https://learn.microsoft.com/entra/identity/conditional-access/troubleshoot-conditional-access",
  securityDefaults: "https://learn.microsoft.com/entra/fundamentals/security-defaults",
  nationalClouds: "https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud",
  findTenantId: "https://learn.microsoft.com/entra/fundamentals/how-to-find-tenant",
  msalErrors: "https://learn.microsoft.com/entra/identity-platform/msal-error-handling-js",
  entraThrottling: "https://learn.microsoft.com/entra/msal/dotnet/advanced/client-and-server-throttling",
  entraSupport: "https://learn.microsoft.com/entra/fundamentals/how-to-get-support",
  certificateCredentials: "https://learn.microsoft.com/entra/identity-platform/certificate-credentials",
  spaRedirectUri: "https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#redirect-uris-for-single-page-apps-spas",
  redirectUriMismatch: `${ENTRA_TS}/error-code-aadsts50011-redirect-uri-mismatch`,
  resourcePrincipalNotFound: `${ENTRA_TS}/error-code-aadsts500011-resource-principal-not-found`,
  applicationDisabled: `${ENTRA_TS}/error-code-aadsts7000112-application-is-disabled`,
  grantRevoked: `${ENTRA_TS}/error-code-aadsts50173-grant-expired-revoked`,
  missingClientCredential: `${ENTRA_TS}/confidential-client-application-authentication-error-aadsts7000218`,
  misconfiguredApp: `${ENTRA_TS}/error-code-aadsts650056-misconfigured-app`,
  userFromOtherTenant: `${ENTRA_TS}/error-code-aadsts50020-user-account-identity-provider-does-not-exist`,
  userNotAssigned: `${ENTRA_TS}/error-code-aadsts50105-user-not-assigned-role`,
  userDisabled: `${ENTRA_TS}/error-code-aadsts50057-user-account-is-disabled`,
  tokenIssuanceError: `${ENTRA_TS}/error-code-aadsts50000-issuing-token-sign-in-service`,
  meWithAppToken:
    "https://learn.microsoft.com/troubleshoot/entra/entra-id/users-groups-entra-apis/error-call-me-endpoint-microsoft-graph",
  graphErrors: "https://learn.microsoft.com/graph/errors",
  graphAuthErrors: "https://learn.microsoft.com/graph/resolve-auth-errors",
  graphThrottling: "https://learn.microsoft.com/graph/throttling",
  graphOutlookLimits: "https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits",
  graphPermissions: "https://learn.microsoft.com/graph/permissions-reference",
  graphLeastPrivilege:
    "https://learn.microsoft.com/graph/permissions-overview#best-practices-for-using-microsoft-graph-permissions",
  sendMail: "https://learn.microsoft.com/graph/api/user-sendmail",
  getUser: "https://learn.microsoft.com/graph/api/user-get",
  sendAsOtherUser: "https://learn.microsoft.com/graph/outlook-send-mail-from-other-user",
  limitMailboxAccess: "https://learn.microsoft.com/graph/auth-limit-mailbox-access",
  exchangeAppRbac: "https://learn.microsoft.com/exchange/permissions-exo/application-rbac",
  restApiNotSupported:
    "https://learn.microsoft.com/exchange/troubleshoot/user-and-shared-mailboxes/rest-api-is-not-yet-supported-for-this-mailbox-error",
  exoSendingLimits: `${EXO_LIMITS}#sending-limits-1`,
  exoMailboxLimits: `${EXO_LIMITS}#mailbox-storage-limits`,
  exoMessageLimits: `${EXO_LIMITS}#message-limits`,
  submissionQuotaExceeded: `${EXO_NDR}/fix-error-for-submission-quota-exceeded-in-exchange-online`,
  graphLargeAttachments: "https://learn.microsoft.com/graph/outlook-large-attachments",
  restrictedUsers: "https://learn.microsoft.com/defender-office-365/outbound-spam-restore-restricted-users",
  ndrReference: "https://learn.microsoft.com/exchange/troubleshoot/email-delivery/ndr/non-delivery-reports-in-exchange-online",
  ndrTenantBlocks: `${EXO_NDR}/fix-error-code-5-7-700-through-5-7-750`,
  m365Endpoints: "https://learn.microsoft.com/microsoft-365/enterprise/urls-and-ip-address-ranges",
  m365NetworkPrinciples: "https://learn.microsoft.com/microsoft-365/enterprise/microsoft-365-network-connectivity-principles",
} as const;
