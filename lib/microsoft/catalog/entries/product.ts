import { DOCS } from "../docs";
import { ADD_MAIL_SEND, API_PERMISSIONS, CLIENT_SECRETS, GRANT_CONSENT } from "../portal";
import type { CatalogEntry } from "../types";
import { definer } from "./define";

const product = definer("product");

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

  // — Permissions read from the token —
  product("ADMIN_CONSENT_MISSING", "permissions", {
    title: "Admin consent has not been granted",
    cause:
      "Microsoft issued a token, but it carries no application permissions at all (no roles claim). Microsoft does " +
      "not fail the sign-in when consent is missing; Graph refuses the send later with 403.",
    fix:
      `Open ${ADD_MAIL_SEND} Consenting to Microsoft Graph application permissions needs a Privileged Role ` +
      "Administrator or Global Administrator; Application Administrators cannot grant them.",
    docsUrl: DOCS.grantAdminConsent,
  }),
  product("MAIL_SEND_NOT_GRANTED", "permissions", {
    title: "The app has permissions, but not Mail.Send",
    cause:
      "The token lists application permissions, but Mail.Send is not among them: it was never added, it was added " +
      "as a Delegated instead of an Application permission, or it was added after consent was last granted.",
    fix: `Open ${ADD_MAIL_SEND}`,
    docsUrl: DOCS.graphPermissions,
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
      "scope through RBAC for Applications in Exchange Online.",
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
