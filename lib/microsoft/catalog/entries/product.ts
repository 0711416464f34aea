import { DOCS } from "../docs";
import { ADD_MAIL_SEND, API_PERMISSIONS, CLIENT_SECRETS, DEFENDER_RESTRICTED, GRANT_CONSENT } from "../portal";
import type { CatalogEntry } from "../types";
import { definer } from "./define";
import { RBAC_CHECK, RBAC_SCOPE_CAUSE } from "./exchange-rbac";

const product = definer("product");

const MAIL_SEND_FIX =
  `Exchange RBAC for Applications: ${RBAC_CHECK} Widen the scope or assign the role with one that covers the mailbox ` +
  "(New-ManagementRoleAssignment -App <app> -Role \"Application Mail.Send\" -CustomResourceScope <scope>); Exchange can " +
  `take up to two hours to apply it. Entra instead, for every mailbox of the tenant: open ${ADD_MAIL_SEND} Consenting to ` +
  "Microsoft Graph application permissions needs a Privileged Role Administrator or Global Administrator.";

const NEW_SECRET =
  `Open ${CLIENT_SECRETS} → New client secret, choose an expiry and select Add, copy the "Value" column ` +
  "(not the Secret ID) and paste it into this connection in forge365 together with the new expiry date.";

/** Problems forge365 detects itself, before Microsoft has to say anything. */
export const productEntries: readonly CatalogEntry[] = [
  // — Configuration —
  product("SECRET_EXPIRED_BY_DATE", "configuration", {
    title: "Client secret has passed its expiry date",
    cause:
      "The expiry date recorded for this connection's client secret is in the past. Microsoft will reject it " +
      "(AADSTS7000222), and every mailbox that uses this app registration stops sending at the same time.",
    fix: NEW_SECRET,
    docsUrl: DOCS.addClientSecret,
  }),
  product("SECRET_EXPIRES_SOON", "configuration", {
    title: "Client secret expires soon",
    cause:
      "The client secret expires within the next few weeks. When it does, every mailbox on this app registration " +
      "stops sending at once.",
    fix: `${NEW_SECRET} Keep the old secret until every connection uses the new one, then delete it.`,
    docsUrl: DOCS.addClientSecret,
    severity: "warning",
  }),
  product("SECRET_UNREADABLE", "configuration", {
    title: "forge365 cannot decrypt the saved client secret",
    cause:
      "The secret was encrypted with a key this server no longer has: the encryption key was changed or removed from " +
      "the server's configuration, or the database was restored onto a server with different keys.",
    fix:
      "Put back the encryption key the secret was saved with and restart forge365, or paste the client secret's " +
      "Value into this connection again so it is encrypted with the current key. If you no longer have the Value: " +
      NEW_SECRET,
    docsUrl: DOCS.addClientSecret,
  }),
  product("SECRET_LOOKS_LIKE_ID", "configuration", {
    title: "The saved secret is the Secret ID, not the secret Value",
    cause:
      'The client secret saved on this connection has the shape of a GUID, which is what the "Secret ID" column ' +
      'shows. Microsoft needs the "Value" column, a longer string shown only once when the secret is created.',
    fix: NEW_SECRET,
    docsUrl: DOCS.addClientSecret,
  }),

  // — Permissions read from the token, and Graph's refusal when the token had no Mail.Send —
  product("MAIL_SEND_NOT_IN_TOKEN", "permissions", {
    title: "Mail.Send is not in the token, so Graph decides at the send",
    cause:
      "The token lists no Mail.Send application permission. That is expected when Mail.Send is granted in Exchange " +
      "Online through RBAC for Applications, Microsoft's recommended way to limit an app to some mailboxes: such grants " +
      "never appear in the token. Otherwise admin consent for Mail.Send is missing in Entra. Only Graph can tell which: " +
      "the send decides, and a dry run, which does not send, cannot.",
    fix:
      `If the app sends through RBAC for Applications, nothing needs to change; to confirm it: ${RBAC_CHECK} Otherwise ` +
      `open ${ADD_MAIL_SEND}`,
    docsUrl: DOCS.exchangeAppRbac,
    severity: "warning",
  }),
  product("ADMIN_CONSENT_MISSING", "permissions", {
    title: "Neither Entra nor Exchange lets this app send from this mailbox",
    cause:
      "Graph refused to send, and the token carries no application permissions at all (no roles claim): admin consent " +
      `for Mail.Send was never granted in Entra. ${RBAC_SCOPE_CAUSE}`,
    fix: MAIL_SEND_FIX,
    docsUrl: DOCS.exchangeAppRbac,
  }),
  product("MAIL_SEND_NOT_GRANTED", "permissions", {
    title: "Mail.Send is granted neither in Entra nor for this mailbox in Exchange",
    cause:
      "Graph refused to send. The token lists application permissions, but Mail.Send is not among them: it was never " +
      "added, it was added as a Delegated instead of an Application permission, or it was added after admin consent " +
      `was last granted. ${RBAC_SCOPE_CAUSE}`,
    fix: MAIL_SEND_FIX,
    docsUrl: DOCS.exchangeAppRbac,
  }),
  product("EXCESSIVE_PERMISSIONS", "permissions", {
    title: "The app has more access than sending needs",
    cause:
      "Besides Mail.Send the app holds broad permissions (such as Mail.ReadWrite, full_access_as_app or " +
      "Directory.ReadWrite.All). Anyone who obtains its client secret can then read or change every mailbox or the " +
      "directory, not just send mail.",
    fix:
      `Open ${API_PERMISSIONS}; for each permission forge365 lists, open its ⋯ menu → Remove permission. If it then ` +
      `shows under "Other permissions granted for <your organization>", use its ⋯ menu → Revoke admin consent. ` +
      'To limit which mailboxes the app may send from, assign the "Application Mail.Send" role with a management ' +
      "scope through RBAC for Applications in Exchange Online, and remove Mail.Send from the app in Entra: Exchange " +
      "adds the two grants together, so the Entra one would still reach every mailbox.",
    docsUrl: DOCS.graphLeastPrivilege,
    severity: "warning",
  }),
  product("USER_READ_ALL_NOT_GRANTED", "mailbox", {
    title: "Mailbox check skipped (User.Read.All not granted)",
    cause:
      "Without the User.Read.All application permission forge365 cannot confirm the mailbox exists before sending, " +
      "so that check was skipped. Sending does not need it.",
    fix:
      `Optional: ${API_PERMISSIONS} → Add a permission → Microsoft Graph → Application permissions → User.Read.All → ` +
      `Add permissions, then ${GRANT_CONSENT}.`,
    docsUrl: DOCS.graphPermissions,
    severity: "info",
  }),

  // — Bounces: Microsoft accepted the test message, then returned it with a non-delivery report —
  product("NDR_5.1.8", "send", {
    title: "The test message bounced: the mailbox is restricted from sending (5.1.8)",
    cause:
      'Microsoft accepted the message, then returned it with "550 5.1.8 Access denied, bad outbound sender": the ' +
      "mailbox is on the Restricted entities list because it sent spam or went over an outbound limit, most often " +
      "because the account is compromised. Every message it sends bounces the same way, though Graph still answers 202.",
    fix:
      "Make sure the account is not compromised first (reset its password, review its inbox rules, forwarding and " +
      `sign-ins). Then open ${DEFENDER_RESTRICTED}, select the mailbox and choose Unblock.`,
    docsUrl: DOCS.restrictedUsers,
  }),
  product("NDR_5.7.705", "send", {
    title: "The test message bounced: the tenant is blocked from sending (5.7.705)",
    cause:
      'Microsoft accepted the message, then returned it with "5.7.705 Access denied, tenant has exceeded threshold": ' +
      "the organization sent too much spam or bulk mail, usually through a compromised on-premises server or an admin " +
      "account used to create connectors, and Exchange Online now blocks all of its outgoing mail. Rarely, a renewed " +
      "subscription that had expired is still syncing.",
    fix:
      "Find and correct the cause (compromised accounts, unexpected inbound connectors), then contact Microsoft " +
      "support to have the block removed; only an admin of the tenant can.",
    docsUrl: DOCS.ndrTenantBlocks,
  }),
  product("NDR_5.7.708", "send", {
    title: "The test message bounced: Microsoft does not accept mail from this tenant's sending IP (5.7.708)",
    cause:
      'Microsoft accepted the message, then returned it with "5.7.708 Access denied, traffic not accepted from this ' +
      'IP": the tenant sends from the low-reputation addresses Exchange Online uses for new customers, typically a ' +
      "trial tenant, and its outbound mail is restricted.",
    fix:
      "Buy licences for the tenant, or ask Microsoft support for an exception until you can; only an admin of the " +
      "tenant can.",
    docsUrl: DOCS.ndrTenantBlocks,
  }),
  product("TEST_MAIL_BOUNCED", "send", {
    title: "The test message bounced",
    cause:
      "Microsoft accepted the message, then a non-delivery report came back to the sending mailbox. Its status code is " +
      "not one forge365 has specific advice for, or the app could only read its subject (Mail.ReadBasic). The report's " +
      "own words are shown below.",
    fix:
      "Open the report in the sending mailbox and look its status code up in Microsoft's list of NDR codes. Exchange " +
      "admin center → Mail flow → Message trace finds the message by the reference at the end of its subject.",
    docsUrl: DOCS.ndrReference,
  }),

  // — Running the test —
  product("TIMEOUT", "send", {
    title: "Microsoft did not answer within 10 seconds",
    cause:
      "A request to Microsoft took longer than forge365 waits for one test step: a slow or blocked network path " +
      "from the forge365 server, or Microsoft answering slowly.",
    fix:
      "Test again. If it keeps timing out, check that the forge365 server reaches https://login.microsoftonline.com " +
      "and https://graph.microsoft.com quickly (proxy, firewall, DNS).",
    docsUrl: DOCS.graphErrors,
    retryable: true,
    anyStep: true,
  }),

  // — Connecting by signing in as the mailbox (delegated) —
  product("WRONG_ACCOUNT_SIGNED_IN", "authorize", {
    title: "Signed in with a different account than the mailbox",
    cause:
      "The account that signed in on Microsoft's page is not the mailbox being connected, often because the browser " +
      "was already signed in to another Microsoft account.",
    fix:
      'Start Connect again and, on Microsoft\'s page, choose "Use another account" and sign in as the mailbox\'s ' +
      "own address. If the browser signs in automatically, use a private window.",
    docsUrl: DOCS.authCodeFlow,
  }),
  product("STATE_INVALID", "authorize", {
    title: "The sign-in link was stale or not from forge365",
    cause:
      "Microsoft's answer did not match a sign-in forge365 started: the link was used twice, took too long, was " +
      "finished in a different browser, or was not created by forge365.",
    fix: "Start Connect again from forge365 and finish signing in, in the same browser, without waiting.",
    docsUrl: DOCS.authCodeFlow,
  }),
  product("REFRESH_TOKEN_MISSING", "token", {
    title: "No saved sign-in for this mailbox",
    cause:
      "forge365 holds no refresh token for this delegated connection: Microsoft did not return one because the " +
      "offline_access permission was not granted, or it was removed.",
    fix:
      `Open ${API_PERMISSIONS} and check that the delegated permission offline_access is listed and consented ` +
      `(${GRANT_CONSENT}), then reconnect the mailbox in forge365.`,
    docsUrl: DOCS.refreshTokens,
  }),
  product("MAILBOX_NOT_CONNECTED", "token", {
    title: "This mailbox is not connected yet",
    cause:
      "The account uses delegated permissions, so forge365 sends as each mailbox only after its owner has signed in " +
      "once. No saved sign-in exists for this mailbox: nobody has connected it, it was disconnected, or the saved " +
      "sign-in can no longer be decrypted because the encryption key it was sealed with is gone.",
    fix: "In forge365, open the mailbox, select Connect with Microsoft and sign in as the mailbox's own account.",
    docsUrl: DOCS.authCodeFlow,
  }),
  product("DELEGATED_MAIL_SEND_NOT_GRANTED", "permissions", {
    title: "The mailbox's sign-in does not include Mail.Send",
    cause:
      "Microsoft issued a token for the mailbox, but its delegated permissions (scp) do not include Mail.Send: the " +
      "permission is missing from the app registration, or its consent was narrowed after the mailbox connected.",
    fix:
      `Open ${API_PERMISSIONS} → Add a permission → Microsoft Graph → Delegated permissions, add Mail.Send (with ` +
      `User.Read and offline_access), select Add permissions and ${GRANT_CONSENT}. Then reconnect the mailbox.`,
    docsUrl: DOCS.graphPermissions,
  }),
];
