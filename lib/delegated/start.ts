import type { Actor } from "@/lib/workspaces/actor";
import { db } from "@/lib/db/client";
import { authorizeUrl, newPkce } from "@/lib/microsoft/delegated";
import { acquireAppToken } from "@/lib/microsoft/msal";
import { resolveMicrosoftUrl } from "@/lib/microsoft/transport";
import { UserFacingError } from "@/lib/errors";
import { confidentialClientFor, microsoftAppFields, microsoftTarget } from "@/lib/accounts/microsoft-app";
import { failureCode } from "./failure";
import { createOAuthState } from "./oauth-state";
import { redirectUri } from "./redirect-uri";

export type ConnectStart = { authorizeUrl: string } | { failed: string };

/**
 * Begins "Connect with Microsoft" for one mailbox of a delegated account: a PKCE pair, a single-use state
 * bound to the actor and the mailbox, and Microsoft's sign-in page with the mailbox as login hint.
 */
export async function startConnect(actor: Actor, mailboxId: string): Promise<ConnectStart> {
  const mailbox = await db.mailbox.findFirst({
    where: { id: mailboxId, workspaceId: actor.workspaceId },
    select: { id: true, address: true, appRegistration: { select: { ...microsoftAppFields, permissionMode: true } } },
  });
  if (!mailbox) throw new UserFacingError("This mailbox is no longer in this workspace.");
  const account = mailbox.appRegistration;
  if (account.permissionMode !== "DELEGATED") {
    throw new UserFacingError("This mailbox's account uses application permissions: it sends without anyone signing in.");
  }
  try {
    const client = confidentialClientFor(account);
    // Microsoft answers a wrong tenant, client ID or secret on its own error page, or only after the person
    // has signed in; one app-only token request first turns those into a diagnosis here.
    await acquireAppToken(client, { cloud: microsoftTarget(account).cloud, skipCache: true });
    const { verifier, challenge } = await newPkce();
    const state = await createOAuthState({ workspaceId: actor.workspaceId, mailboxId: mailbox.id, userId: actor.userId, codeVerifier: verifier });
    const url = await authorizeUrl(client, { redirectUri: redirectUri(), state, codeChallenge: challenge, loginHint: mailbox.address });
    return { authorizeUrl: resolveMicrosoftUrl(url, microsoftTarget(account)) };
  } catch (error) {
    return { failed: failureCode(error, { mailboxId: mailbox.id, step: "token" }) };
  }
}
