import { db } from "@/lib/db/client";
import { diagnose } from "@/lib/microsoft/catalog";
import { redeemRefreshToken, signInRejected } from "@/lib/microsoft/delegated";
import { createConfidentialClient } from "@/lib/microsoft/msal";
import type { DelegatedTokenSource } from "@/lib/microsoft/connection-check";
import { storeRotatedRefreshToken } from "./connection";
import { openOrNull, refreshTokenContext } from "./sealed";

const refreshing = new Map<string, Promise<unknown>>();

/**
 * One refresh at a time per mailbox in this instance: a refresh token may be retired the moment it is
 * redeemed, so a second refresh must start from the token the first one stored.
 */
async function oneAtATime<T>(mailboxId: string, work: () => Promise<T>): Promise<T> {
  const next = (refreshing.get(mailboxId) ?? Promise.resolve()).catch(() => {}).then(work);
  refreshing.set(mailboxId, next);
  try {
    return await next;
  } finally {
    if (refreshing.get(mailboxId) === next) refreshing.delete(mailboxId);
  }
}

/**
 * The mailbox's stored sign-in as a token source for Test Connection. When Microsoft refuses the sign-in
 * itself, `rejection()` says why, so the mailbox can be marked Reconnect required.
 */
export function storedSignIn(mailbox: { id: string; workspaceId: string }) {
  let rejection: string | null = null;
  const source: DelegatedTokenSource = (request) =>
    oneAtATime(mailbox.id, async () => {
      const row = await db.mailbox.findUniqueOrThrow({ where: { id: mailbox.id }, select: { refreshTokenSealed: true } });
      const refreshToken = openOrNull(row.refreshTokenSealed, refreshTokenContext(mailbox));
      if (!row.refreshTokenSealed || !refreshToken) return null;
      try {
        const tokens = await redeemRefreshToken(createConfidentialClient(request), refreshToken);
        if (tokens.refreshToken) await storeRotatedRefreshToken(mailbox, row.refreshTokenSealed, tokens.refreshToken);
        return { accessToken: tokens.accessToken, expiresOn: tokens.expiresOn, scopes: tokens.scopes };
      } catch (error) {
        if (signInRejected(error)) {
          const { code, title } = diagnose(error, { step: "token" });
          rejection = `${code}: ${title}`;
        }
        throw error;
      }
    });
  return { source, rejection: () => rejection };
}
