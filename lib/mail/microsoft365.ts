import { confidentialClientFor, microsoftApp, microsoftAppFields, microsoftTarget } from "@/lib/accounts/microsoft-app";
import { postgresTokenCache } from "@/lib/connection-checks/token-cache";
import { db } from "@/lib/db/client";
import { storedSignIn } from "@/lib/delegated/stored-sign-in";
import { createGraphClient } from "@/lib/microsoft/graph";
import { acquireAppToken } from "@/lib/microsoft/msal";
import { createMicrosoftFetch } from "@/lib/microsoft/transport";
import type { OutgoingMail } from "./message";

/** Why the configured mailbox cannot send; logged, with the reference the caller gets. */
export class MailSenderUnavailable extends Error {}

async function findSender(workspace: string, address: string) {
  const mailbox = await db.mailbox.findFirst({
    where: { workspace: { slug: workspace }, address: { equals: address, mode: "insensitive" } },
    select: { id: true, workspaceId: true, address: true, appRegistration: { select: { ...microsoftAppFields, permissionMode: true } } },
  });
  if (!mailbox) throw new MailSenderUnavailable(`The workspace "${workspace}" has no mailbox ${address} (MAIL_WORKSPACE, MAIL_FROM).`);
  return mailbox;
}

/**
 * An access token for the sender: the app's own (from the cache every instance shares, unless `fresh`), or
 * the mailbox's stored sign-in. `cached` says whether a fresh one could be any different.
 */
async function senderToken(mailbox: Awaited<ReturnType<typeof findSender>>, fresh = false): Promise<{ token: string; path: string; cached: boolean }> {
  const account = mailbox.appRegistration;
  const { cloud } = microsoftTarget(account);
  if (account.permissionMode === "APPLICATION") {
    const client = confidentialClientFor(account, { cachePlugin: postgresTokenCache(account) });
    const { accessToken, fromCache } = await acquireAppToken(client, { cloud, skipCache: fresh });
    return { token: accessToken, path: `/users/${encodeURIComponent(mailbox.address)}`, cached: fromCache };
  }
  const app = microsoftApp(account);
  if (app.clientSecret === null) throw new MailSenderUnavailable(`The client secret of the account that sends as ${mailbox.address} cannot be opened.`);
  const signedIn = await storedSignIn(mailbox).source({ ...app, clientSecret: app.clientSecret, fetch: createMicrosoftFetch(app), skipCache: false });
  if (!signedIn) throw new MailSenderUnavailable(`${mailbox.address} is not connected: use Connect with Microsoft on its page.`);
  return { token: signedIn.accessToken, path: "/me", cached: false };
}

/**
 * Sends through a mailbox forge365 manages, on the same path as Test Connection: the account's MSAL client
 * and transport, then Graph's sendMail (https://learn.microsoft.com/graph/api/user-sendmail; 202 = accepted).
 * Graph's JSON message takes one body, so the HTML one goes; Exchange derives the plain-text part itself.
 * No copy is saved to Sent Items: the link in it is a credential until it is used or expires.
 *
 * A cached token that Graph answers with 401 is asked for anew once: a token can stop being accepted before
 * it expires (https://learn.microsoft.com/graph/errors: 401, "required authentication information is either
 * missing or not valid"), and the cache would otherwise hand out the same one until then.
 */
export async function sendFromManagedMailbox(sender: { workspace: string; from: string }, mail: OutgoingMail): Promise<void> {
  const mailbox = await findSender(sender.workspace, sender.from);
  const target = microsoftTarget(mailbox.appRegistration);
  const post = async ({ token, path }: { token: string; path: string }) =>
    createGraphClient({ accessToken: token, fetch: createMicrosoftFetch(target), cloud: target.cloud })
      .api(`${path}/sendMail`)
      .post({
        message: {
          subject: mail.subject,
          body: { contentType: "HTML", content: mail.html },
          toRecipients: [{ emailAddress: { address: mail.to } }],
        },
        saveToSentItems: false,
      });
  const first = await senderToken(mailbox);
  try {
    await post(first);
  } catch (error) {
    if (!first.cached || (error as { statusCode?: number }).statusCode !== 401) throw error;
    await post(await senderToken(mailbox, true));
  }
}
