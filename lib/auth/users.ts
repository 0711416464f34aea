import { db } from "@/lib/db/client";
import { reserveAttempt, settleAttempt } from "./login-attempts";
import { hashPassword, verifyPassword } from "./password";
import { endUserSessions } from "./sessions";

export type Authentication =
  | { ok: true; user: { id: string; email: string; name: string | null; twoFactorEnabled: boolean } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterMinutes: number };

/**
 * Checks email + password under the shared rate limit; every failure looks the same to the caller.
 * The attempt is reserved before argon2 runs, so parallel guesses cannot all slip under the limit.
 */
export async function authenticate(email: string, password: string, ipAddress: string): Promise<Authentication> {
  const attempt = await reserveAttempt("sign_in", { email, ipAddress });
  if (!attempt.allowed) return { ok: false, reason: "rate_limited", retryAfterMinutes: attempt.retryAfterMinutes };
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, totpEnabledAt: true },
  });
  const valid = await verifyPassword(user?.passwordHash, password);
  await settleAttempt(attempt.attemptId, valid);
  if (!user || !valid) return { ok: false, reason: "invalid" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, twoFactorEnabled: user.totpEnabledAt !== null } };
}

export type PasswordChange =
  | { ok: true }
  | { ok: false; reason: "wrong_password" }
  | { ok: false; reason: "rate_limited"; retryAfterMinutes: number };

/**
 * Changing a password ends every other session of that user. The current-password check is limited
 * like sign-in, so a stolen session cannot be used to guess the password.
 */
export async function changePassword(
  userId: string,
  input: { currentPassword: string; newPassword: string },
  request: { ipAddress: string; sessionToken?: string },
): Promise<PasswordChange> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, passwordHash: true } });
  const attempt = await reserveAttempt("change_password", { email: user.email, ipAddress: request.ipAddress });
  if (!attempt.allowed) return { ok: false, reason: "rate_limited", retryAfterMinutes: attempt.retryAfterMinutes };
  const valid = await verifyPassword(user.passwordHash, input.currentPassword);
  await settleAttempt(attempt.attemptId, valid);
  if (!valid) return { ok: false, reason: "wrong_password" };
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(input.newPassword) } });
  await endUserSessions(userId, { except: request.sessionToken });
  return { ok: true };
}
