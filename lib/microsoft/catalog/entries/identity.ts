import { DOCS } from "../docs";
import {
  API_PERMISSIONS,
  APP_REGISTRATION,
  AUTHENTICATION,
  CERTIFICATES,
  CLIENT_SECRETS,
  CONDITIONAL_ACCESS,
  ENTERPRISE_APP,
  ENTRA,
  GRANT_CONSENT,
  M365_USERS,
  SIGN_IN_LOGS,
  SUPPORT_REQUEST,
} from "../portal";
import type { CatalogEntry } from "../types";
import { definer } from "./define";

const entra = definer("entra");

const RECONNECT =
  "In forge365, open the mailbox and select Reconnect, then sign in on Microsoft's page as the mailbox's own account.";

/**
 * Entra's own failures can only be traced by Microsoft, from the request's IDs, which the diagnosis lists below its
 * advice. The error code reference's "Open a support ticket" links to how-to-get-support, whose steps these are.
 */
const QUOTE_IDS =
  `If it keeps failing, open a support request with Microsoft (${SUPPORT_REQUEST}) and quote the Correlation ID and ` +
  "Timestamp shown below.";
const TRANSIENT_FIX = `Nothing needs to change on your side: test again in a few minutes. ${QUOTE_IDS}`;
/** What the token step does before giving such an answer (connection-check/token-retry.ts). */
const RETRIED =
  "Test Connection tries once more by itself when Microsoft reports an outage or throttling and the wait it asks for " +
  "fits in the test's time.";

/**
 * Entra sends no code with this one: client credentials that are throttled get a bare "429 Too Many Requests" with
 * `Retry-After: 60` (learn.microsoft.com/entra/msal/dotnet/advanced/client-and-server-throttling; the body as
 * AzureAD/microsoft-authentication-library-for-dotnet#2855 shows it). The key is ours.
 */
export const ENTRA_THROTTLED = "ENTRA_THROTTLED";

/** Codes from Microsoft Entra's token and authorize endpoints (AADSTS numbers and OAuth `error` values). */
export const identityEntries: readonly CatalogEntry[] = [
  // — Tenant and app identity —
  entra("AADSTS90002", "token", {
    title: "Directory (tenant) ID not found",
    cause:
      "Microsoft has no tenant with the Directory (tenant) ID saved on this connection, in the cloud selected for it. " +
      "Usually a typo or a value copied from another tenant; sometimes the tenant lives in a national cloud " +
      "(US Government, China) while the connection points at the commercial cloud, or the reverse.",
    fix:
      `Open ${APP_REGISTRATION} → Overview, copy "Directory (tenant) ID" and paste it into the connection's Tenant ID field. ` +
      "If the tenant is in a national cloud, select that cloud on the connection too.",
    docsUrl: DOCS.findTenantId,
  }),
  entra("AADSTS900023", "token", {
    title: "Tenant ID is not a valid ID or domain",
    cause:
      "The Tenant ID field holds something that is neither a GUID nor a domain name: often a pasted URL, a stray space " +
      "or quote, or a word that is not a tenant at all.",
    fix:
      `Paste only the GUID shown as "Directory (tenant) ID" on ${APP_REGISTRATION} → Overview ` +
      "(or the tenant's domain, such as contoso.onmicrosoft.com), with nothing before or after it.",
    docsUrl: DOCS.findTenantId,
  }),
  entra("AADSTS700016", "token", {
    title: "Application (client) ID not found in this tenant",
    cause:
      "No app with this Application (client) ID exists in the tenant the request went to. Most often the Object ID " +
      "was copied instead of the Application (client) ID, or the app is registered in a different tenant from the " +
      "Tenant ID on the connection. It also happens when the app was deleted, or when an app registered by another " +
      "organization has not yet been consented to in this tenant.",
    fix:
      `Open ${APP_REGISTRATION} → Overview and copy "Application (client) ID" (not "Object ID") into the connection's ` +
      'Client ID field, and check that "Directory (tenant) ID" on the same page matches the connection\'s Tenant ID.',
    docsUrl: DOCS.aadstsReference,
  }),
  entra("AADSTS7000112", "token", {
    title: "The app is disabled in this tenant",
    cause:
      "The app's enterprise application (service principal) has been switched off, so Microsoft issues no tokens for " +
      "it. An administrator may have done it on purpose, or Microsoft may have disabled it for a policy violation.",
    fix:
      `Open ${ENTERPRISE_APP} → Properties, set "Enabled for users to sign-in?" to Yes and select Save. ` +
      "Ask your security team first if someone disabled it on purpose; an app disabled by Microsoft cannot be " +
      "re-enabled there and needs Microsoft support.",
    docsUrl: DOCS.applicationDisabled,
  }),
  entra("AADSTS500011", "token", {
    title: "Microsoft Graph is not available to this tenant or cloud",
    cause:
      "The tenant has no service principal for the API that was requested. For Microsoft Graph this nearly always " +
      "means the connection's cloud does not match the tenant's cloud, or the Tenant ID belongs to another tenant.",
    fix:
      "Check the connection's cloud (commercial, US Government, China) against where the tenant lives, and that its " +
      `Tenant ID is the "Directory (tenant) ID" shown on ${APP_REGISTRATION} → Overview.`,
    docsUrl: DOCS.resourcePrincipalNotFound,
  }),

  // — Client secret —
  entra("AADSTS7000215", "token", {
    title: "Client secret is wrong (often the Secret ID was pasted instead of the Value)",
    cause:
      "Microsoft found the app, but the secret sent does not match any current secret on it. By far the most common " +
      'cause is copying the "Secret ID" column (a GUID) instead of the "Value" column. Other causes: a secret from ' +
      "another app, a paste that lost characters, or a secret that has since been deleted.",
    fix:
      `Open ${CLIENT_SECRETS} → New client secret, choose an expiry and select Add. Copy the "Value" column right away ` +
      '(Microsoft shows it only once; not the "Secret ID") and paste it into the connection\'s Client secret field.',
    docsUrl: DOCS.addClientSecret,
  }),
  entra("AADSTS7000222", "token", {
    title: "Client secret has expired",
    cause:
      "The secret's expiry date has passed. Every mailbox connected through this app registration stops working at " +
      "the same moment.",
    fix:
      `Open ${CLIENT_SECRETS} → New client secret → Add, copy the "Value" and paste it into this connection in ` +
      "forge365 together with the new expiry date. Once every connection uses the new secret, delete the expired one.",
    docsUrl: DOCS.addClientSecret,
  }),
  entra("AADSTS7000218", "token", {
    title: "No client secret was sent",
    cause:
      "The token request reached Microsoft without a client secret, which Microsoft requires from a server-side app. " +
      "For a forge365 connection this means the Client secret field is empty.",
    fix:
      "Paste the secret's Value into the connection's Client secret field and save. Do not turn on " +
      '"Allow public client flows" in the app registration to make this error go away: that weakens the app.',
    docsUrl: DOCS.missingClientCredential,
  }),

  // — Certificate credentials —
  // AADSTS700027 reasons as Entra words them: "The key was not found" (AzureAD/microsoft-authentication-library-for-js#8339,
  // Azure/azure-sdk-for-net#29007), "The key used is expired" (Microsoft's Azure Stack HCI registration troubleshooting,
  // which traces it to a wrong server clock), "failed signature validation" (the error code reference).
  entra("AADSTS700027", "token", {
    title: "Microsoft did not accept the app's certificate",
    cause:
      "The app signed in with a certificate and Entra could not validate the signed request (the client assertion). " +
      "Microsoft's message below gives the reason: the certificate is not registered on the app registration (\"The key " +
      "was not found\": the thumbprint it was signed with matches none of the app's certificates), it has expired there " +
      "(\"The key used is expired\"), or the request was signed with a private key that does not belong to the " +
      "registered certificate (\"failed signature validation\"). A server clock that is far off can make a valid " +
      "certificate look expired.",
    fix:
      `Open ${CERTIFICATES} and compare the Thumbprint column with the thumbprint in Microsoft's message. Upload the ` +
      "public part (.cer, .pem or .crt) of the certificate forge365 signs with if it is missing, or a renewed " +
      "certificate if it has expired, and give forge365 that certificate's own private key. Check that the forge365 " +
      "server's clock is right.",
    docsUrl: DOCS.certificateCredentials,
  }),
  // "Client assertion is not within its valid time range. Current time: …, assertion valid from …, expiry time of
  // assertion …" (AzureAD/microsoft-authentication-library-for-dotnet#4951, AzureAD/microsoft-authentication-library-for-java#984);
  // clock skew and a reused, expired assertion are the causes those reports found.
  entra("AADSTS700024", "token", {
    title: "The certificate-signed request was outside its time window",
    cause:
      "A certificate-signed request (client assertion) says from when until when it is valid (its nbf and exp " +
      "times), and Entra received it outside that window: the clock of the server that signed it is wrong, or a signed " +
      "request was kept and sent again after it expired. Microsoft's message below shows Entra's current time and the " +
      "request's window.",
    fix:
      "Synchronize the forge365 server's clock with an internet time source (NTP) and test again. In Microsoft's " +
      'message, the difference between "Current time" and "assertion valid from" or "expiry time of assertion" is how ' +
      "far off the clock is.",
    docsUrl: DOCS.certificateCredentials,
  }),

  // — Malformed requests —
  entra("AADSTS90014", "token", {
    title: "A required field is missing from the sign-in request",
    cause:
      "Microsoft expected a field that was not in the request. For a forge365 connection this usually means one of " +
      "Tenant ID, Client ID or Client secret is empty.",
    fix:
      "Fill in Tenant ID, Client ID and Client secret on the connection and save again. If all three are filled in, " +
      "report this error with its Correlation ID to the forge365 maintainers.",
    docsUrl: DOCS.aadstsReference,
  }),
  entra("AADSTS900144", "token", {
    title: "A required parameter is missing from the sign-in request",
    cause:
      "Microsoft names a parameter the request lacked (for example client_id or scope). A connection field is empty, " +
      "or forge365 built the request wrongly.",
    fix:
      "Fill in Tenant ID, Client ID and Client secret on the connection and save again. If all three are filled in, " +
      "report this error with its Correlation ID to the forge365 maintainers.",
    docsUrl: DOCS.aadstsReference,
  }),
  entra("AADSTS70011", "token", {
    title: "Microsoft rejected the requested permissions (scope)",
    cause:
      "The scope in the request is not valid. App-only connections must ask for Microsoft Graph's \".default\" scope " +
      "for the right cloud, so this usually means the connection's cloud does not match the tenant's cloud.",
    fix:
      "Check that the connection's cloud matches the tenant's cloud. If it does, report this error with its " +
      "Correlation ID to the forge365 maintainers: forge365 builds the scope itself.",
    docsUrl: DOCS.clientCredentialsFlow,
  }),
  // "AADSTS9002313: Invalid request. Request is malformed or invalid.", also answered with invalid_grant to a refresh
  // token Entra cannot read (the reference; a refresh failure quoted in public READMEs and tests).
  entra("AADSTS9002313", "token", {
    title: "Microsoft could not read the sign-in request",
    cause:
      "Entra found the request malformed or invalid. For a delegated mailbox this usually means the saved sign-in " +
      "(refresh token) is damaged or is not one Entra issued to this app; for a new sign-in, a parameter (often the " +
      "one-time code) arrived cut short or altered.",
    fix: `${RECONNECT} ${QUOTE_IDS}`,
    docsUrl: DOCS.aadstsReference,
  }),

  // — Policy blocks —
  entra("AADSTS53003", "token", {
    title: "Blocked by a Conditional Access policy",
    cause:
      "A Conditional Access policy in the tenant refused to issue the token: for example a policy that blocks sign-ins " +
      "from unknown locations or devices, or a policy for workload identities that covers this app.",
    fix:
      `Open ${SIGN_IN_LOGS} ("Service principal sign-ins" for app-only connections, "User sign-ins" for delegated ones), ` +
      'filter by the Correlation ID below, open the failed sign-in and read its "Conditional Access" tab to see which ' +
      `policy blocked it. Then, in ${CONDITIONAL_ACCESS} → that policy, exclude this app or add the forge365 server's ` +
      "IP addresses as a trusted named location.",
    docsUrl: DOCS.conditionalAccessTroubleshoot,
  }),
  entra("AADSTS530035", "authorize", {
    title: "Blocked by the tenant's security defaults",
    cause:
      "Security defaults judged the sign-in unsafe (for example the account has no multifactor authentication set up) " +
      "and refused it.",
    fix:
      "Have the mailbox owner register for multifactor authentication at https://aka.ms/mysecurityinfo and connect " +
      `again. Organizations that need finer control can replace security defaults with Conditional Access: ${ENTRA} → ` +
      "Entra ID → Overview → Properties → Manage security defaults.",
    docsUrl: DOCS.securityDefaults,
  }),

  // — Consent and permissions on the sign-in page —
  entra("AADSTS65001", "authorize", {
    title: "Consent to forge365's permissions is missing",
    cause:
      "Neither the user nor an administrator has consented to the permissions the app asks for (such as Mail.Send " +
      "and offline_access), or the consent was revoked.",
    fix:
      `Open ${API_PERMISSIONS}, check that the Microsoft Graph delegated permissions Mail.Send, User.Read and ` +
      `offline_access are listed, then select ${GRANT_CONSENT}. Reconnect the mailbox afterwards.`,
    docsUrl: DOCS.grantAdminConsent,
  }),
  entra("AADSTS65004", "authorize", {
    title: "The user declined the consent screen",
    cause: "On Microsoft's consent screen the user selected Cancel instead of Accept.",
    fix:
      "Start Connect again and select Accept on Microsoft's consent screen, or have an administrator consent for " +
      `everyone: ${API_PERMISSIONS} → ${GRANT_CONSENT}.`,
    docsUrl: DOCS.permissionsAndConsent,
  }),
  entra("AADSTS90094", "authorize", {
    title: "An administrator must approve these permissions",
    cause:
      "The tenant does not let ordinary users consent to the permissions the app asks for, so only an administrator " +
      "can approve them.",
    fix:
      `Ask an administrator to open ${API_PERMISSIONS} and select ${GRANT_CONSENT}. Then connect the mailbox again.`,
    docsUrl: DOCS.grantAdminConsent,
  }),
  entra("AADSTS650056", "authorize", {
    title: "The app registration does not list the permissions requested",
    cause:
      "The app registration declares no permissions for the API being requested, or an administrator has not " +
      "consented to them in this tenant.",
    fix:
      `Open ${API_PERMISSIONS} → Add a permission → Microsoft Graph, add the permissions this connection needs ` +
      "(delegated: Mail.Send, User.Read, offline_access; app-only: application permission Mail.Send), select " +
      `Add permissions, then ${GRANT_CONSENT}.`,
    docsUrl: DOCS.misconfiguredApp,
  }),
  entra("AADSTS650057", "authorize", {
    title: "The app asked for an API missing from its registration",
    cause:
      "The request asked for permissions on an API that is not listed under the app registration's API permissions, " +
      "so Microsoft refused the whole request.",
    fix:
      `Open ${API_PERMISSIONS} → Add a permission → Microsoft Graph → Delegated permissions, add Mail.Send, User.Read ` +
      `and offline_access, select Add permissions, then ${GRANT_CONSENT}. Start Connect again.`,
    docsUrl: DOCS.aadstsReference,
  }),
  // The reference: "The app needs access to a service … that your organization … hasn't subscribed to or enabled";
  // Microsoft's troubleshooting for bundled consent quotes the other wording, "… lacks a service principal for".
  entra("AADSTS650052", "authorize", {
    title: "The app needs a Microsoft service the organization has not enabled",
    cause:
      "The sign-in asked for access to an API (named in Microsoft's message) that has no service principal in the " +
      "organization: the organization has not subscribed to or enabled that service, or the API's service principal " +
      "was never created there. For Microsoft Graph this is unusual.",
    fix:
      "An administrator reviews the organization's service subscriptions for the service named in Microsoft's message. " +
      "If the service should be there, creating its service principal from its application ID fixes it " +
      "(Azure CLI: az ad sp create --id <application ID>); then start Connect again.",
    docsUrl: DOCS.aadstsReference,
  }),

  // — Signing in as the mailbox (delegated connections) —
  entra("AADSTS50011", "authorize", {
    title: "Redirect URI not registered on the app",
    cause:
      "The address Microsoft should return the user to after sign-in is not in the app registration's list of " +
      "redirect URIs. It must match exactly: scheme, host, port, path and trailing slash.",
    fix:
      `Open ${APP_REGISTRATION} → Authentication → Add a platform → Web (or the existing Web platform → Add URI), ` +
      "paste the redirect URI shown on this connection's page in forge365 exactly as shown, and select Save.",
    docsUrl: DOCS.redirectUriMismatch,
  }),
  // "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests."
  // (AzureAD/microsoft-authentication-library-for-js#2482): a spa redirect URI needs a browser's Origin header, which a
  // server's code redemption never sends.
  entra("AADSTS9002327", "authorize", {
    title: "The redirect URI is registered as a single-page application",
    cause:
      'forge365\'s redirect URI is listed under the "Single-page application" platform of the app registration. ' +
      "Microsoft then lets only a browser redeem the sign-in, and forge365 redeems it on its server, as a web app does.",
    fix:
      `Open ${AUTHENTICATION}. Under "Single-page application", remove the redirect URI shown on this connection's ` +
      'page in forge365; then select Add a platform → Web (or the existing Web platform → Add URI), paste the same URI ' +
      "and select Save. Start Connect again.",
    docsUrl: DOCS.spaRedirectUri,
  }),
  entra("AADSTS50058", "authorize", {
    title: "Nobody is signed in to Microsoft in this browser",
    cause:
      "A silent sign-in was attempted but the browser has no Microsoft session, so the user has to sign in " +
      "interactively.",
    fix: "Start Connect again and sign in on Microsoft's page when asked.",
    docsUrl: DOCS.aadstsReference,
  }),
  // "The user account {EmailHidden} does not exist in the … directory. To sign into this application, the account must
  // be added to the directory." (Azure-Samples/active-directory-dotnetcore-console-up-v2#26; the reference's UserAccountNotFound).
  entra("AADSTS50034", "authorize", {
    title: "That account does not exist in this tenant",
    cause:
      "The account entered on Microsoft's sign-in page is not in the directory the app signs in to: a typo in the " +
      "address, or an account from a different organization.",
    fix: "Start Connect again and sign in with the work account that owns this mailbox, in this mailbox's tenant.",
    docsUrl: DOCS.aadstsReference,
  }),
  entra("AADSTS50126", "authorize", {
    title: "Wrong user name or password",
    cause: "The password entered on Microsoft's sign-in page was not accepted for that account.",
    fix:
      `Sign in again with the right password. If it was forgotten, an administrator can reset it: ${M365_USERS} → ` +
      "the user → Reset password.",
    docsUrl: DOCS.aadstsReference,
  }),
  // "User account '{email}' from identity provider '{idp}' does not exist in tenant '{tenant}' … This account needs to be
  // added as an external user in the tenant first." (the reference and its AADSTS50020 troubleshooting article).
  entra("AADSTS50020", "authorize", {
    title: "Account from another organization",
    cause:
      "The account used to sign in comes from another identity provider (a different organization's tenant or a " +
      "personal Microsoft account) and has not been added to this tenant, not even as a guest.",
    fix:
      "Start Connect again and sign in with an account from the mailbox's own organization. If you are already signed " +
      "in with another account, use a private browser window.",
    docsUrl: DOCS.userFromOtherTenant,
  }),
  entra("AADSTS50105", "authorize", {
    title: "The user is not assigned to the app",
    cause:
      'The app requires assignment ("Assignment required?" is Yes) and the signed-in user is not assigned to it.',
    fix:
      `Open ${ENTERPRISE_APP} → Users and groups → Add user/group, select the mailbox's owner and select Assign. ` +
      '(Or set "Assignment required?" to No under Properties if everyone in the organization may use the app.)',
    docsUrl: DOCS.userNotAssigned,
  }),
  entra("AADSTS50057", "authorize", {
    title: "The user account is disabled",
    cause:
      "The account is blocked from signing in. Shared mailboxes are created this way, so a shared mailbox cannot be " +
      "connected by signing in as it; use an app-only connection for shared mailboxes.",
    fix:
      `Unblock the account in ${M365_USERS} → the user → Block sign-in → clear "Block this user from signing in" → ` +
      "Save changes, or connect the mailbox with an app-only connection instead.",
    docsUrl: DOCS.userDisabled,
  }),
  entra("AADSTS50194", "authorize", {
    title: "The app only accepts sign-ins from its own tenant",
    cause:
      "The app registration is single-tenant, but the sign-in went through the shared multi-tenant endpoint, which " +
      "Microsoft no longer allows for such apps.",
    fix:
      "Enter the Directory (tenant) ID on the connection so sign-in goes to your tenant's own endpoint. Only if users " +
      `from other organizations must connect, change ${APP_REGISTRATION} → Authentication → Supported account types.`,
    docsUrl: DOCS.aadstsReference,
  }),
  entra("AADSTS54005", "authorize", {
    title: "The sign-in response was used twice",
    cause:
      "The one-time code Microsoft returned after sign-in had already been redeemed, usually because the return page " +
      "was refreshed or opened twice.",
    fix: "Start Connect again and let the page finish without refreshing it.",
    docsUrl: DOCS.authCodeFlow,
  }),

  // — Keeping a delegated connection signed in —
  entra("AADSTS700082", "token", {
    title: "Saved sign-in expired after a long time unused",
    cause:
      "forge365's saved sign-in (refresh token) for this mailbox expired because it was not used for a long period " +
      "(90 days by default).",
    fix: `${RECONNECT} Regular tests or sends keep the saved sign-in alive.`,
    docsUrl: DOCS.refreshTokens,
  }),
  entra("AADSTS50173", "token", {
    title: "Saved sign-in was revoked",
    cause:
      "An administrator reset the user's password in the Entra admin center, or the user's sessions were revoked " +
      "(by an administrator or by the user), which cancels every saved sign-in, forge365's included.",
    fix: RECONNECT,
    docsUrl: DOCS.grantRevoked,
  }),
  entra("AADSTS70008", "token", {
    title: "Saved sign-in expired or was revoked",
    cause:
      "The refresh token or sign-in code forge365 presented has expired or was revoked (long inactivity, a password " +
      "reset by an administrator, or revoked sessions).",
    fix: RECONNECT,
    docsUrl: DOCS.refreshTokens,
  }),
  entra("AADSTS70043", "token", {
    title: "Conditional Access requires signing in again",
    cause:
      "A Conditional Access sign-in frequency policy limits how long a sign-in may be reused, and forge365's saved " +
      "sign-in is older than that.",
    fix:
      `${RECONNECT} If this repeats too often, review the sign-in frequency setting in ${CONDITIONAL_ACCESS} → the ` +
      "policy → Session.",
    docsUrl: DOCS.conditionalAccessTroubleshoot,
  }),
  entra("AADSTS50076", "token", {
    title: "Multifactor authentication is now required",
    cause:
      "Because of a policy change (Conditional Access, per-user MFA or a new location) the user must complete " +
      "multifactor authentication, which the saved sign-in cannot do on its own.",
    fix: `${RECONNECT} Complete the multifactor prompt when Microsoft shows it.`,
    docsUrl: DOCS.conditionalAccessTroubleshoot,
  }),
  // "Presented multi-factor authentication has expired due to policies configured by your administrator, you must
  // refresh your multi-factor authentication to access …", answered to a refresh with invalid_grant (SocialiteProviders/
  // Providers#998) or interaction_required (Azure/azure-cli#17013).
  entra("AADSTS50078", "token", {
    title: "The mailbox owner's multifactor sign-in has expired",
    cause:
      "A policy limits how long a multifactor sign-in counts, and the one behind forge365's saved sign-in is older than " +
      "that, so Microsoft wants the user to complete multifactor authentication again.",
    fix: `${RECONNECT} Complete the multifactor prompt when Microsoft shows it.`,
    docsUrl: DOCS.aadstsReference,
  }),
  entra("AADSTS50079", "token", {
    title: "The user must set up multifactor authentication",
    cause:
      "A policy now requires multifactor authentication and the mailbox owner has not registered any method yet.",
    fix:
      "Have the mailbox owner register a method at https://aka.ms/mysecurityinfo, then reconnect the mailbox in " +
      "forge365.",
    docsUrl: DOCS.aadstsReference,
  }),

  // — Transient and throttling —
  // "AADSTS50000: There was an error issuing a token or an issue with our sign-in service." and its lasting causes are
  // Microsoft's troubleshooting article's. Entra reports its internal errors as 500 server_error
  // (AzureAD/azure-activedirectory-library-for-python#18); no public report shows 50000's own status, and nothing here
  // depends on it.
  entra("AADSTS50000", "token", {
    title: "Microsoft's sign-in service could not issue a token",
    cause:
      `Entra answered with an internal error (TokenIssuanceError). Usually a passing fault of Microsoft's sign-in ` +
      `service. ${RETRIED} When it keeps happening it is not passing: for a delegated mailbox, the user's password may ` +
      "have expired or be out of sync with on-premises Active Directory, or the user's sessions were revoked; for any " +
      "app, a symmetric signing key on the app registration or its enterprise application can cause it.",
    fix: TRANSIENT_FIX,
    docsUrl: DOCS.tokenIssuanceError,
    severity: "warning",
    retryable: true,
  }),
  // The reference: "ExternalServerRetryableError - The service is temporarily unavailable."
  entra("AADSTS90006", "token", {
    title: "Microsoft's sign-in service is temporarily unavailable",
    cause: `Entra reported that a service it depends on is temporarily unavailable (ExternalServerRetryableError). ${RETRIED}`,
    fix: TRANSIENT_FIX,
    docsUrl: DOCS.aadstsReference,
    severity: "warning",
    retryable: true,
  }),
  entra(ENTRA_THROTTLED, "token", {
    title: "Microsoft's sign-in service is throttling this app",
    cause:
      "Entra answered the token request with 429 Too Many Requests and nothing else: the app registration asked for " +
      "tokens too often in a short time, most often because some program using it requests a new token for every call " +
      `instead of reusing one until it expires. ${RETRIED}`,
    fix:
      "Wait for the time Microsoft asked for (usually a minute) before testing again; clicking Test repeatedly extends " +
      "the block. If other tools use this app registration, make them cache their tokens.",
    docsUrl: DOCS.entraThrottling,
    severity: "warning",
    retryable: true,
  }),
  entra("AADSTS50196", "token", {
    title: "Too many identical sign-in requests",
    cause:
      "The same token was requested too many times in a short period, so Microsoft (and MSAL's own throttle) refuse " +
      "further identical requests for a while.",
    fix:
      "Wait a few minutes before testing again; clicking Test repeatedly extends the block. If it keeps happening " +
      "during normal sending, report it to the forge365 maintainers.",
    docsUrl: DOCS.aadstsReference,
    severity: "warning",
    retryable: true,
    anyStep: true,
  }),
  entra("AADSTS90024", "token", {
    title: "Microsoft's sign-in service had a temporary problem",
    cause: "Microsoft reported a transient error while issuing the token.",
    fix: TRANSIENT_FIX,
    docsUrl: DOCS.aadstsReference,
    severity: "warning",
    retryable: true,
  }),
  entra("AADSTS90033", "token", {
    title: "Microsoft's directory service is temporarily unavailable",
    cause: "A directory service behind Microsoft's sign-in was not available when the token was requested.",
    fix: TRANSIENT_FIX,
    docsUrl: DOCS.aadstsReference,
    severity: "warning",
    retryable: true,
  }),
  entra("AADSTS90055", "token", {
    title: "Microsoft is throttling sign-ins for this tenant",
    cause: "The tenant sent too many requests to Microsoft's sign-in service in a short time.",
    fix: "Wait a few minutes and test again. If other tools in the tenant request tokens in bulk, spread them out.",
    docsUrl: DOCS.aadstsReference,
    severity: "warning",
    retryable: true,
  }),

  // — OAuth `error` values, for when Microsoft sends no AADSTS number —
  entra("invalid_client", "token", {
    title: "Microsoft rejected the app's credentials",
    cause: "The Client ID or client secret was not accepted.",
    fix:
      `Compare the connection's Client ID with "Application (client) ID" on ${APP_REGISTRATION} → Overview, and ` +
      `create a new secret in ${CLIENT_SECRETS} → New client secret, pasting its Value (not the Secret ID).`,
    docsUrl: DOCS.aadstsReference,
  }),
  entra("invalid_grant", "token", {
    title: "Microsoft rejected the saved sign-in",
    cause:
      "The sign-in code or refresh token forge365 presented is invalid, expired, revoked, or was issued for a " +
      "different app or tenant.",
    fix: RECONNECT,
    docsUrl: DOCS.aadstsReference,
  }),
  entra("invalid_request", "token", {
    title: "Microsoft could not read the sign-in request",
    cause: "The request was missing a required field or had a malformed one, usually an empty connection field.",
    fix:
      "Fill in Tenant ID, Client ID and Client secret on the connection and save again; if they are filled in, report " +
      "the error with its Correlation ID to the forge365 maintainers.",
    docsUrl: DOCS.aadstsReference,
  }),
  entra("unauthorized_client", "token", {
    title: "The app may not sign in this way",
    cause:
      "The app is not allowed to use this kind of sign-in, or it is not registered in the tenant the request went to.",
    fix:
      `Check that the connection's Client ID and Tenant ID match ${APP_REGISTRATION} → Overview, and that the app is ` +
      "registered as a web app with a client secret.",
    docsUrl: DOCS.aadstsReference,
  }),
  entra("interaction_required", "token", {
    title: "The mailbox owner must sign in again",
    cause:
      "Microsoft needs the user to do something only a person can do (multifactor authentication, accept new terms or " +
      "consent), so the saved sign-in cannot be used.",
    fix: RECONNECT,
    docsUrl: DOCS.msalErrors,
  }),
  entra("temporarily_unavailable", "token", {
    title: "Microsoft's sign-in service is busy",
    cause: `Microsoft's sign-in service was temporarily too busy to answer. ${RETRIED}`,
    fix: TRANSIENT_FIX,
    docsUrl: DOCS.aadstsReference,
    severity: "warning",
    retryable: true,
    anyStep: true,
  }),
];
