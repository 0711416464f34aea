import Bowser from "bowser";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { UserFacingError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { recordId } from "@/lib/validation/ids";
import { endUserSessions, idleSince, SIGN_IN_METHODS, sessionTokenHash, type SignInMethod } from "./sessions";

export interface ListedSession {
  id: string;
  /** "Chrome 131 on Windows", read from the user agent the browser sent when it signed in. */
  device: string;
  ipAddress: string | null;
  method: SignInMethod;
  createdAt: Date;
  lastSeenAt: Date;
  /** Signed in with the password but has not yet entered its two-factor code. */
  secondFactorPending: boolean;
  /** The session of the browser asking. */
  current: boolean;
}

export const revokeSessionSchema = z.object({ sessionId: recordId });

/**
 * Browsers freeze most of the user agent (Chrome reports Windows 10 on Windows 11 and macOS 10.15 on
 * every Mac), so only the browser's major version and the system's name are told, which stay true.
 */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const { browser, os } = Bowser.parse(userAgent);
  const name = browser.name ? [browser.name, browser.version?.split(".")[0]].filter(Boolean).join(" ") : "Unknown browser";
  return os.name ? `${name} on ${os.name}` : name;
}

/** Every session of this person still able to sign in: not past its end, not idle past SESSION_IDLE_DAYS. The current one first. */
export async function listSessions(userId: string, currentSessionToken: string, now = new Date()): Promise<ListedSession[]> {
  const currentHash = sessionTokenHash(currentSessionToken);
  const rows = await db.session.findMany({
    where: { userId, expires: { gt: now }, lastSeenAt: { gt: idleSince(now) } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, tokenHash: true, userAgent: true, ipAddress: true, method: true, createdAt: true, lastSeenAt: true, secondFactorPending: true },
  });
  return rows
    .map(({ tokenHash, userAgent, method, ...row }) => ({
      ...row,
      device: describeDevice(userAgent),
      method: SIGN_IN_METHODS.find((known) => known === method) ?? "password",
      current: tokenHash === currentHash,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** Ends one of this person's other sessions; a session of anyone else is "not found", never ended. */
export async function revokeSession(userId: string, sessionId: string, currentSessionToken: string) {
  const { count } = await db.session.deleteMany({
    where: { id: sessionId, userId, NOT: { tokenHash: sessionTokenHash(currentSessionToken) } },
  });
  if (count === 0) throw new UserFacingError("That session has already ended. To end this browser's own session, sign out.");
  logger.info({ userId, sessionId }, "session revoked by its owner");
}

/** "Sign out all other sessions": every session of this person but the one asking. */
export async function revokeOtherSessions(userId: string, currentSessionToken: string) {
  await endUserSessions(userId, { except: currentSessionToken });
  logger.info({ userId }, "other sessions revoked by their owner");
}
