import { db } from "@/lib/db/client";
import type { AccountMailer } from "./account-mailer";
import { consumeEmailLink, issueEmailLink, markEmailVerified } from "./email-links";
import { reserveAttempt, settleAttempt } from "./login-attempts";
import { hashPassword } from "./password";
import { endUserSessions } from "./sessions";

export type ResetRequest = { ok: true } | { ok: false; reason: "rate_limited"; retryAfterMinutes: number };

/**
 * "Forgot password?": mails a reset link when the address has an account, and answers the same when it
 * has none. The mail leaves without being waited for, so the answer comes as fast either way (the mailer
 * never throws: a failure is logged with its reference).
 */
export async function requestPasswordReset(email: string, request: { ipAddress: string }, mailer: AccountMailer): Promise<ResetRequest> {
  const attempt = await reserveAttempt("password_reset", { email, ipAddress: request.ipAddress });
  if (!attempt.allowed) return { ok: false, reason: "rate_limited", retryAfterMinutes: attempt.retryAfterMinutes };
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true } });
  if (user) {
    const link = await issueEmailLink(user, "RESET_PASSWORD");
    void mailer.resetPassword(user.email, link);
  }
  await settleAttempt(attempt.attemptId, true);
  return { ok: true };
}

/**
 * Sets the new password through a reset link, once. Every session of the account ends (whoever held one
 * may be who the reset shuts out), and the address counts as verified: the link reached it.
 */
export async function resetPassword(token: string, newPassword: string): Promise<{ ok: true } | { ok: false; reason: "invalid_link" }> {
  const passwordHash = await hashPassword(newPassword);
  const userId = await db.$transaction(async (tx) => {
    const holder = await consumeEmailLink(tx, token, "RESET_PASSWORD");
    if (!holder) return null;
    await tx.user.update({ where: { id: holder.userId }, data: { passwordHash } });
    await markEmailVerified(tx, holder);
    return holder.userId;
  });
  if (!userId) return { ok: false, reason: "invalid_link" };
  await endUserSessions(userId);
  return { ok: true };
}
