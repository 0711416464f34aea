import { db } from "@/lib/db/client";
import { checkLoginAllowed, recordLoginAttempt } from "./login-attempts";
import { hashPassword, verifyPassword } from "./password";
import { endUserSessions } from "./sessions";

export type Authentication =
  | { ok: true; user: { id: string; email: string; name: string | null; twoFactorEnabled: boolean } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterMinutes: number };

/** Checks email + password under the shared rate limit; every failure looks the same to the caller. */
export async function authenticate(email: string, password: string, ipAddress: string): Promise<Authentication> {
  const gate = await checkLoginAllowed(email, ipAddress);
  if (!gate.allowed) return { ok: false, reason: "rate_limited", retryAfterMinutes: gate.retryAfterMinutes };
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, totpEnabledAt: true },
  });
  const valid = await verifyPassword(user?.passwordHash, password);
  await recordLoginAttempt(email, ipAddress, valid);
  if (!user || !valid) return { ok: false, reason: "invalid" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, twoFactorEnabled: user.totpEnabledAt !== null } };
}

export type SignUpResult = { ok: true; userId: string } | { ok: false; reason: "email_taken" };

export async function signUp(input: { name: string; email: string; password: string }): Promise<SignUpResult> {
  const passwordHash = await hashPassword(input.password);
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) return { ok: false, reason: "email_taken" };
  try {
    const user = await db.user.create({ data: { name: input.name, email: input.email, passwordHash } });
    return { ok: true, userId: user.id };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return { ok: false, reason: "email_taken" };
    throw error;
  }
}

/** Changing a password ends every other session of that user. */
export async function changePassword(
  userId: string,
  input: { currentPassword: string; newPassword: string },
  currentSessionToken?: string,
): Promise<{ ok: true } | { ok: false; reason: "wrong_password" }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) return { ok: false, reason: "wrong_password" };
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(input.newPassword) } });
  await endUserSessions(userId, { except: currentSessionToken });
  return { ok: true };
}
