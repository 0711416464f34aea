import { db } from "@/lib/db/client";
import { idleSince } from "@/lib/auth/sessions";

/** Login attempts are kept a day: longer than any limit's window, short enough not to become a record of who tried what. */
const LOGIN_ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes what can no longer sign anyone in or count toward a limit: sessions past their absolute end
 * or idle past SESSION_IDLE_DAYS (findActiveSession already refuses them), login attempts older than a
 * day, and email links already used or expired. Runs hourly on the worker.
 */
export async function deleteStaleSignInRecords(now = new Date()) {
  const [sessions, loginAttempts, emailTokens] = await db.$transaction([
    db.session.deleteMany({ where: { OR: [{ expires: { lte: now } }, { lastSeenAt: { lte: idleSince(now) } }] } }),
    db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - LOGIN_ATTEMPT_RETENTION_MS) } } }),
    db.emailToken.deleteMany({ where: { OR: [{ usedAt: { lte: now } }, { expiresAt: { lte: now } }] } }),
  ]);
  return { sessions: sessions.count, loginAttempts: loginAttempts.count, emailTokens: emailTokens.count };
}
