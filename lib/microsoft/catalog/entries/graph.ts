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
      "Graph answered 403 Access denied. For an app-only connection this almost always means the application " +
      "permission Mail.Send was never added or never got admin consent, so the token carries no Mail.Send role. " +
      "For a delegated connection, the signed-in account has no right to use this mailbox.",
    fix:
      `App-only connection: open ${ADD_MAIL_SEND} Delegated connection: reconnect signed in as the mailbox's own ` +
      "account.",
    docsUrl: DOCS.graphAuthErrors,
  }),
  graph(ODATA_DISABLED, "permissions", {
    title: "An Exchange policy keeps this app out of this mailbox",
    cause:
      'Graph answered "Access to OData is disabled": the app does hold Mail.Send, but an Exchange Online application ' +
      "access policy or an RBAC for Applications scope limits it to other mailboxes, and this mailbox is outside.",
    fix:
      `In ${EXO_POWERSHELL} run Test-ApplicationAccessPolicy -Identity <mailbox> -AppId <Application (client) ID>. ` +
      "If it shows Denied, add the mailbox to the mail-enabled security group named by Get-ApplicationAccessPolicy " +
      "(Add-DistributionGroupMember -Identity <group> -Member <mailbox>). If the tenant uses RBAC for Applications, " +
      "run Test-ServicePrincipalAuthorization -Identity <app> -Resource <mailbox> and widen the management scope of " +
      'the "Application Mail.Send" role assignment. Exchange can take up to about two hours to apply the change.',
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
      "Exchange Online stopped accepting messages from this mailbox for now because it exceeded a sending limit " +
      "(10,000 recipients per day, 30 messages per minute).",
    fix:
      "Wait for the 24-hour window to reset before sending again, and plan volume per mailbox below Exchange " +
      "Online's limits; spread campaigns over more mailboxes instead.",
    docsUrl: DOCS.exoSendingLimits,
    retryable: true,
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
    cause: "Microsoft Graph answered 429 Too Many Requests: the app or tenant sent too much in a short time.",
    fix: "Wait for the time Microsoft asked for (Retry-After) and test again; forge365 retries sends on its own.",
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
