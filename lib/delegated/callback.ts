import { db } from "@/lib/db/client";
import { diagnose } from "@/lib/microsoft/catalog";
import { redeemCode } from "@/lib/microsoft/delegated";
import { createGraphClient } from "@/lib/microsoft/graph";
import { isMailbox, readMe, signInName } from "@/lib/microsoft/me";
import { createMicrosoftFetch } from "@/lib/microsoft/transport";
import { actorOf } from "@/lib/workspaces/actor";
import { requireMembership } from "@/lib/workspaces/guard";
import { confidentialClientFor, microsoftAppFields, microsoftTarget } from "@/lib/accounts/microsoft-app";
import { saveConnection } from "./connection";
import { failureCode } from "./failure";
import { consumeOAuthState } from "./oauth-state";
import { redirectUri } from "./redirect-uri";

export type ConnectOutcome =
  | { status: "connected"; slug: string; mailboxId: string }
  /** Without a usable state nothing says which mailbox (or even workspace) the answer was for. */
  | { status: "failed"; code: string; slug?: string; mailboxId?: string };

/**
 * Finishes "Connect with Microsoft" from the query Microsoft redirected back with. Only the person who
 * started it, still a member, gets anywhere; the code is redeemed with the PKCE verifier, and the refresh
 * token is stored only when the account that signed in is the mailbox itself. Membership refusals throw
 * the guard's errors; everything else is an outcome.
 */
export async function completeConnect(
  params: URLSearchParams,
  user: { id: string },
  meta: { ipAddress?: string | null } = {},
): Promise<ConnectOutcome> {
  const state = params.get("state");
  const pending = state ? await consumeOAuthState(state, user.id) : null;
  if (!pending) return { status: "failed", code: "STATE_INVALID" };
  const actor = actorOf(await requireMembership(user.id, pending.slug, "MEMBER"), meta.ipAddress);
  const where = { slug: pending.slug, mailboxId: pending.mailboxId };
  const failed = (code: string): ConnectOutcome => ({ status: "failed", code, ...where });

  // Microsoft's own refusals (cancelled consent, policies) come back as error and error_description.
  const error = params.get("error");
  if (error) return failed(diagnose({ error, error_description: params.get("error_description") ?? undefined }, { step: "authorize" }).code);
  const code = params.get("code");
  if (!code) return failed("invalid_request");

  const mailbox = await db.mailbox.findUniqueOrThrow({
    where: { id: pending.mailboxId },
    select: { id: true, workspaceId: true, address: true, appRegistration: { select: microsoftAppFields } },
  });
  const account = mailbox.appRegistration;
  try {
    const tokens = await redeemCode(confidentialClientFor(account), { code, redirectUri: redirectUri(), codeVerifier: pending.codeVerifier });
    const target = microsoftTarget(account);
    const me = await readMe(createGraphClient({ accessToken: tokens.accessToken, fetch: createMicrosoftFetch(target), cloud: target.cloud }));
    if (!isMailbox(me, mailbox.address)) return failed("WRONG_ACCOUNT_SIGNED_IN");
    if (!tokens.refreshToken) return failed("REFRESH_TOKEN_MISSING");
    await saveConnection(actor, mailbox, {
      refreshToken: tokens.refreshToken,
      connectedAs: signInName(me),
    });
    return { status: "connected", ...where };
  } catch (caught) {
    return failed(failureCode(caught, { mailboxId: mailbox.id, step: "authorize" }));
  }
}
