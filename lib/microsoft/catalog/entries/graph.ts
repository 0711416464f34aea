import { DOCS } from "../docs";
import {
  ADD_MAIL_SEND,
  API_PERMISSIONS,
  DEFENDER_RESTRICTED,
  EXCHANGE_MAILBOXES,
  EXO_POWERSHELL,
  GRANT_CONSENT,
  M365_USERS,
} from "../portal";
import type { CatalogEntry } from "../types";
import { definer } from "./define";
import { RBAC_CHECK } from "./exchange-rbac";

const graph = definer("graph");

/**
 * The sub-case of ErrorAccessDenied where Exchange, not Entra, refused: it carries the same code as a
 * missing permission, and only Microsoft's message text ("Access to OData is disabled") tells them apart.
 */
export const ODATA_DISABLED = "ErrorAccessDenied.ODataDisabled";

/** Codes Microsoft Graph returns (mostly passed through from Exchange Online). */
export const graphEntries: readonly CatalogEntry[] = [
  // — Permission to use the mailbox —
  graph("ErrorAccessDenied", "permissions", {
    title: "Microsoft Graph refused: Mail.Send is missing or not consented",
    cause:
      "Graph answered 403 Access denied. For an app-only connection this means the application permission Mail.Send " +
      "was never added or never got admin consent in Entra, or, for an app granted Mail.Send in Exchange Online " +
      "through RBAC for Applications, that this mailbox is outside the management scope of its role assignment. " +
      "For a delegated connection, the signed-in account has no right to use this mailbox.",
    fix:
      `App-only connection granted in Entra: open ${ADD_MAIL_SEND} Granted through Exchange: ${RBAC_CHECK} ` +
      "Delegated connection: reconnect signed in as the mailbox's own account.",
    docsUrl: DOCS.graphAuthErrors,
  }),
  graph(ODATA_DISABLED, "permissions", {
    title: "An Exchange policy keeps this app out of this mailbox",
    cause:
      'Graph answered "Access to OData is disabled": the app does hold Mail.Send, but an Exchange Online application ' +
      "access policy (the older way to limit an app to some mailboxes, which RBAC for Applications replaces) limits it " +
      "to other mailboxes, and this mailbox is outside.",
    fix:
      `In ${EXO_POWERSHELL} run Test-ApplicationAccessPolicy -Identity <mailbox> -AppId <Application (client) ID>. ` +
      "If it shows Denied, add the mailbox to the mail-enabled security group named by Get-ApplicationAccessPolicy " +
      "(Add-DistributionGroupMember -Identity <group> -Member <mailbox>). Microsoft recommends moving to RBAC for " +
      "Applications: assign the app the \"Application Mail.Send\" role scoped to the mailboxes it may use, then remove " +
      "Mail.Send from the app in Entra, since Exchange adds Entra's grant and the role assignment together and a scope " +
      `only limits the app once the Entra grant is gone. ${RBAC_CHECK} Exchange can take up to about two hours to ` +
      "apply a change.",
    docsUrl: DOCS.limitMailboxAccess,
  }),
  graph("Authorization_IdentityNotFound", "permissions", {
    title: "This tenant does not know the app yet",
    cause:
      "Graph could not find the app's identity (service principal) in the mailbox's tenant: the app is registered in " +
      "another tenant and nobody here has consented to it, or its consent was removed.",
    fix:
      "An administrator of the mailbox's tenant must consent to the app; for an app registered in this tenant, open " +
      `${API_PERMISSIONS} → ${GRANT_CONSENT}.`,
    docsUrl: DOCS.grantAdminConsent,
  }),
  graph("Authorization_RequestDenied", "mailbox", {
    title: "The app cannot look up users (User.Read.All not granted)",
    cause:
      'Graph refused a directory lookup with "Insufficient privileges". forge365 only uses User.Read.All to confirm ' +
      "the mailbox exists before sending; without it that check is skipped and sending still works.",
    fix:
      `Optional: ${API_PERMISSIONS} → Add a permission → Microsoft Graph → Application permissions → User.Read.All → ` +
      `Add permissions, then ${GRANT_CONSENT}.`,
    docsUrl: DOCS.graphPermissions,
    severity: "warning",
  }),
  // 401 "The token contains no permissions, or permissions can not be understood." (Microsoft's troubleshooting article,
  // for /me called with a client credentials token.)
  graph("NoPermissionsInAccessToken", "permissions", {
    title: "Microsoft Graph found no usable permissions in the token",
    cause:
      "Graph answered 401: the token carries no permission it can use for this request. Microsoft documents it for an " +
      "app-only token (client credentials) sent to /me: such a token holds application permissions (roles) and no " +
      "signed-in user, and /me needs one. A token with no permissions at all gets the same answer.",
    fix:
      "App-only connections send through /users/<mailbox>, never /me: check that the account's permission mode is " +
      `Application and that Mail.Send is granted, in Entra (${ADD_MAIL_SEND}) or in Exchange Online through RBAC for ` +
      `Applications (${RBAC_CHECK}). Delegated connections send through /me with the mailbox's own sign-in: reconnect ` +
      "the mailbox.",
    docsUrl: DOCS.meWithAppToken,
  }),

  // — The mailbox itself —
  graph("ErrorInvalidUser", "mailbox", {
    title: "No mailbox with this address in the tenant",
    cause:
      "Graph says the user in the request does not exist: a typo, an alias that is not the primary address or user " +
      "principal name, a mailbox that lives in another tenant, or a deleted user.",
    fix:
      `Look the mailbox up in ${EXCHANGE_MAILBOXES} (or ${M365_USERS}) and use its primary email address or user ` +
      "principal name; check that the connection's Tenant ID is the tenant that hosts this mailbox.",
    docsUrl: DOCS.sendMail,
  }),
  graph("Request_ResourceNotFound", "mailbox", {
    title: "No user with this address in the directory",
    cause:
      "The directory lookup found no user with this address: a typo, an alias rather than the primary address or " +
      "user principal name, a user in another tenant, or a deleted user.",
    fix:
      `Look the user up in ${M365_USERS} and use its user principal name or primary email address; check that the ` +
      "connection's Tenant ID is the tenant that hosts this mailbox.",
    docsUrl: DOCS.getUser,
  }),
  // 404 "Resource could not be discovered." — answered for a user without a mailbox Graph can reach, and for /me with an
  // app-only token (microsoftgraph/microsoft-graph-docs#5143, Microsoft's answer there).
  graph("ResourceNotFound", "mailbox", {
    title: "Microsoft Graph could not find a mailbox for this account",
    cause:
      "Graph answered 404 \"Resource could not be discovered\": the account exists, but Graph found no Exchange Online " +
      "mailbox to work with. Typical for a guest account, a user without an Exchange Online license, a mailbox that " +
      "was removed, or /me called with an app-only token.",
    fix:
      `Check that the address is listed in ${EXCHANGE_MAILBOXES}. Guests have no mailbox in this tenant: use a ` +
      `member's mailbox. For a user without one, assign a license that includes Exchange Online (${M365_USERS} → the ` +
      "user → Licenses and apps) and wait until the mailbox appears.",
    docsUrl: DOCS.graphErrors,
  }),
  graph("MailboxNotEnabledForRESTAPI", "mailbox", {
    title: "This account has no Exchange Online mailbox",
    cause:
      "The account exists but has no mailbox Graph can use: it has no license that includes Exchange Online, its " +
      "mailbox is still on an on-premises Exchange server, the mailbox is inactive or soft-deleted, or it is a guest.",
    fix:
      `Assign a license that includes Exchange Online: ${M365_USERS} → the user → Licenses and apps → select the ` +
      `license → Save changes, then wait until the mailbox appears in ${EXCHANGE_MAILBOXES}. An on-premises ` +
      "mailbox must be migrated to Exchange Online first. Shared mailboxes need no license.",
    docsUrl: DOCS.restApiNotSupported,
  }),
  graph("ErrorQuotaExceeded", "send", {
    title: "The mailbox is full",
    cause:
      "The mailbox reached its storage quota, so Exchange cannot save the message (for example to Sent Items).",
    fix:
      "Free up space (empty Deleted Items, move old mail to an archive) or give the user a license with a larger " +
      `mailbox. Current usage: Get-MailboxStatistics <mailbox> in ${EXO_POWERSHELL}.`,
    docsUrl: DOCS.exoMailboxLimits,
  }),

  // — Sending —
  graph("ErrorInvalidRecipients", "send", {
    title: "The test recipient's address was rejected",
    cause:
      "Exchange could not resolve at least one recipient: a malformed address, several addresses in one field, or no " +
      "recipient at all.",
    fix: "Enter a single, complete email address as the test recipient in forge365 and test again.",
    docsUrl: DOCS.sendMail,
  }),
  // "The user account which was used to submit this request does not have the right to send mail on behalf of the
  // specified sending account., Cannot submit message." (microsoftgraph/microsoft-graph-docs-contrib#7446).
  graph("ErrorSendAsDenied", "send", {
    title: "Not allowed to send as that From address",
    cause:
      "The message's From address belongs to a different mailbox from the one sending, and the sender has no " +
      "Send As permission on it.",
    fix:
      "Send from the mailbox's own primary address, or grant Send As: " +
      `${EXCHANGE_MAILBOXES} → the mailbox used as From → Delegation → Send as → Edit → add the sending account → ` +
      `Save (${EXO_POWERSHELL}: Add-RecipientPermission -Identity <from mailbox> -Trustee <sender> -AccessRights SendAs).`,
    docsUrl: DOCS.sendAsOtherUser,
  }),
  graph("ErrorMessageSubmissionBlocked", "send", {
    title: "Microsoft has blocked this mailbox from sending",
    cause:
      "Exchange Online refused to accept the message because the account is restricted from sending, typically " +
      "after it was flagged for sending spam or exceeding outbound limits (it then appears under Restricted " +
      "entities), or because a new or trial account has to be verified first.",
    fix:
      "First make sure the account is not compromised (reset its password, review its inbox rules and sign-ins). " +
      `Then open ${DEFENDER_RESTRICTED}, select the user and choose Unblock; it usually takes effect within an hour.`,
    docsUrl: DOCS.restrictedUsers,
  }),
  graph("ErrorExceededMessageLimit", "send", {
    title: "The mailbox hit its daily sending limit",
    cause:
      "Exchange Online stopped accepting messages from this mailbox for now because it exceeded a daily sending limit " +
      "(10,000 recipients in the past 24 hours). Going over 30 messages a minute only delays sending: Exchange queues " +
      "the excess for the following minutes.",
    fix:
      "Wait for the 24-hour window to reset before sending again, and plan volume per mailbox below Exchange " +
      "Online's limits; spread campaigns over more mailboxes instead.",
    docsUrl: DOCS.exoSendingLimits,
    retryable: true,
  }),
  // Exchange's code, which Graph passes through: "the sender's submission quota was exceeded" (Exchange Web Services'
  // ResponseCode list). Limits as Exchange Online's limits page and its NDR article state them.
  graph("ErrorSubmissionQuotaExceeded", "send", {
    title: "The mailbox reached Exchange Online's daily recipient limit",
    cause:
      "Exchange refused the message because this mailbox sent to more than 10,000 recipients within the past 24 hours " +
      "(a rolling window, not a calendar day). Sending more than 30 messages a minute is not refused: Exchange queues " +
      "the excess for the following minutes. A sudden spike nobody sent on purpose can mean the account is compromised.",
    fix:
      "Wait until fewer than 10,000 recipients were sent to in the past 24 hours, then test again; spread large " +
      "volumes over more mailboxes. If nobody sent that much, treat the account as compromised: reset its password and " +
      "review its inbox rules and sign-ins.",
    docsUrl: DOCS.submissionQuotaExceeded,
    retryable: true,
  }),
  // "The message being sent exceeds the message size limit." (Exchange Web Services' ResponseCode list.)
  graph("ErrorMessageSizeExceeded", "send", {
    title: "The message is larger than Exchange allows this mailbox to send",
    cause:
      "Exchange Online refused the message because it is larger than the maximum size the mailbox (or the " +
      "organization) may send. The test message is small, so a test failing this way points at a send limit set very " +
      "low.",
    fix:
      `Check the mailbox's limit in ${EXO_POWERSHELL}: Get-Mailbox <mailbox> | Format-List MaxSendSize, and raise it ` +
      "with Set-Mailbox <mailbox> -MaxSendSize if it is too small. For real messages, send large files as links or " +
      "attach them through an upload session.",
    docsUrl: DOCS.exoMessageLimits,
  }),
  // 413 "The maximum request length supported is 4MB." (O365/python-o365#472; Graph's error reference: "The request size
  // exceeds the maximum limit.") Graph names no code for it that we could verify, so the entry is found by status and
  // keyed by the status's name, as the other status entries are.
  graph("RequestEntityTooLarge", "send", {
    title: "The request to Microsoft Graph was larger than 4 MB",
    cause:
      "Graph refused the request with 413 Request Entity Too Large: one request may carry at most 4 MB, and sendMail " +
      "carries the whole message, attachments included (they grow by about a third when encoded).",
    fix:
      "Send less in one request: attachments of 3 MB or more go into a draft through an upload session (up to 150 MB), " +
      "and the draft is then sent.",
    docsUrl: DOCS.graphLargeAttachments,
  }),

  // — Token problems seen by Graph —
  graph("InvalidAuthenticationToken", "token", {
    title: "Microsoft Graph did not accept the access token",
    cause:
      "The token was missing, expired, malformed, or issued for a different API or cloud (for example a commercial " +
      "cloud token sent to a national cloud's Graph).",
    fix:
      "Test again: every test requests a fresh token. If it keeps failing, check that the connection's cloud matches " +
      "the tenant's cloud.",
    docsUrl: DOCS.graphAuthErrors,
  }),

  // — Throttling and outages —
  graph("ApplicationThrottled", "send", {
    title: "Microsoft is throttling this app for this mailbox",
    cause:
      "The app went over Graph's budget for one mailbox (10,000 requests per 10 minutes per app), so Microsoft " +
      "pauses it for a while.",
    fix:
      "Wait for the time Microsoft asked for (Retry-After) and test again; forge365 retries sends on its own. If it " +
      "keeps happening, reduce the number of campaigns sending through this mailbox at once.",
    docsUrl: DOCS.graphOutlookLimits,
    severity: "warning",
    retryable: true,
    anyStep: true,
  }),
  graph("MailboxConcurrency", "send", {
    title: "Too many requests to this mailbox at the same time",
    cause:
      "More than four requests from this app were working on the same mailbox at once, which Graph does not allow.",
    fix:
      "Test again in a few seconds. If it repeats, another tool or campaign is using this mailbox through the same " +
      "app at the same time; run them one after another.",
    docsUrl: DOCS.graphOutlookLimits,
    severity: "warning",
    retryable: true,
    anyStep: true,
  }),
  graph("TooManyRequests", "send", {
    title: "Microsoft is throttling requests",
    cause:
      "Microsoft Graph kept answering 429 Too Many Requests: the app or tenant sent too much in a short time. Test " +
      "Connection waited and asked again while the test's time allowed, and Microsoft was still refusing (or asked for " +
      "a longer wait than the test had left).",
    fix: "Wait at least as long as Microsoft asked for, then test again. Nothing needs to change unless it keeps happening.",
    docsUrl: DOCS.graphThrottling,
    severity: "warning",
    retryable: true,
    anyStep: true,
  }),
  graph("ServiceUnavailable", "send", {
    title: "Microsoft Graph is temporarily unavailable",
    cause: "Graph answered 503 Service Unavailable: the service is overloaded or in maintenance.",
    fix: "Test again in a few minutes. Nothing needs to change on your side.",
    docsUrl: DOCS.graphErrors,
    severity: "warning",
    retryable: true,
    anyStep: true,
  }),
  graph("GatewayTimeout", "send", {
    title: "Microsoft Graph timed out",
    cause: "Graph answered 504 Gateway Timeout: a service behind it did not answer in time.",
    fix: "Test again in a few minutes. Nothing needs to change on your side.",
    docsUrl: DOCS.graphErrors,
    severity: "warning",
    retryable: true,
    anyStep: true,
  }),
  graph("InternalServerError", "send", {
    title: "Microsoft Graph had an internal error",
    cause: "Graph answered with a 5xx server error that it did not explain.",
    fix:
      "Test again in a few minutes. If it keeps failing, quote the request-id and date below when contacting " +
      "Microsoft support.",
    docsUrl: DOCS.graphErrors,
    severity: "warning",
    retryable: true,
    anyStep: true,
  }),
];

/** Other spellings Microsoft uses for the same situations. */
export const graphAliases: Readonly<Record<string, string>> = {
  MailboxNotSupportedForRESTAPI: "MailboxNotEnabledForRESTAPI",
  accessDenied: "ErrorAccessDenied",
  activityLimitReached: "TooManyRequests",
  throttledRequest: "TooManyRequests",
  ErrorTooManyRequests: "TooManyRequests",
  serviceNotAvailable: "ServiceUnavailable",
  ErrorServerBusy: "ServiceUnavailable",
  ErrorMailboxStoreUnavailable: "ServiceUnavailable",
  quotaLimitReached: "ErrorQuotaExceeded",
  unauthenticated: "InvalidAuthenticationToken",
};
