import { db } from "@/lib/db/client";
import type { AccountMailer } from "./account-mailer";
import { issueEmailLink } from "./email-links";
import { reserveAttempt, settleAttempt } from "./login-attempts";
import { hashPassword } from "./password";

export type SignUpResult = { ok: true } | { ok: false; reason: "rate_limited"; retryAfterMinutes: number };

/**
 * Creates the account, or answers an address that has one, with the same result either way, so that
 * sign-up never tells whether an address is registered. A new address gets its account (with the password
 * chosen) and a link to verify it; a registered one gets a mail saying so, with sign-in and reset links,
 * and the account is left untouched. The password is hashed in both cases, so the time taken tells
 * nothing either.
 */
export async function signUp(
  input: { name: string; email: string; password: string },
  request: { ipAddress: string; callbackUrl?: string },
  mailer: AccountMailer,
): Promise<SignUpResult> {
  const attempt = await reserveAttempt("sign_up", { email: input.email, ipAddress: request.ipAddress });
  if (!attempt.allowed) return { ok: false, reason: "rate_limited", retryAfterMinutes: attempt.retryAfterMinutes };
  const passwordHash = await hashPassword(input.password);
  const created = await createUnlessRegistered({ name: input.name, email: input.email, passwordHash });
  if (created) {
    const link = await issueEmailLink(created, "VERIFY_EMAIL", { callbackUrl: request.callbackUrl });
    await mailer.verifyEmail(created.email, link);
  } else {
    await mailer.alreadyRegistered(input.email, new Date());
  }
  await settleAttempt(attempt.attemptId, true);
  return { ok: true };
}

async function createUnlessRegistered(data: { name: string; email: string; passwordHash: string }) {
  try {
    return await db.user.create({ data, select: { id: true, email: true } });
  } catch (error) {
    // P2002: the address is taken, whether long ago or by a sign-up a moment earlier.
    if ((error as { code?: string }).code === "P2002") return null;
    throw error;
  }
}

/** "Send the link again", for a signed-in person whose address is not verified yet. */
export async function resendVerification(
  user: { id: string },
  request: { ipAddress: string },
  mailer: AccountMailer,
): Promise<{ ok: true; email: string } | { ok: false; reason: "rate_limited"; retryAfterMinutes: number } | { ok: false; reason: "already_verified" }> {
  const account = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, email: true, emailVerified: true } });
  if (account.emailVerified) return { ok: false, reason: "already_verified" };
  const attempt = await reserveAttempt("verify_email", { email: account.email, ipAddress: request.ipAddress });
  if (!attempt.allowed) return { ok: false, reason: "rate_limited", retryAfterMinutes: attempt.retryAfterMinutes };
  const link = await issueEmailLink(account, "VERIFY_EMAIL");
  await mailer.verifyEmail(account.email, link);
  await settleAttempt(attempt.attemptId, true);
  return { ok: true, email: account.email };
}
