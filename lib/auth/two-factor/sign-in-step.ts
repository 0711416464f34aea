import { db } from "@/lib/db/client";

/** The sign-in's two-factor step, which continues to callbackUrl once the code is accepted. */
export function secondFactorStepPath(callbackUrl: string) {
  return `/sign-in/two-factor?callbackUrl=${encodeURIComponent(callbackUrl)}`;
}

/**
 * Whether a password sign-in that just succeeded for this email left a session that owes a code (the
 * session is created so by lib/auth/config.ts). Asked only after the password was accepted, so it
 * tells an attacker nothing; a sign-in that guessed wrong either way is put right by requireUser and
 * by the step's page, which both look at the session itself.
 */
export async function signInOwesSecondFactor(email: string) {
  const user = await db.user.findUnique({ where: { email }, select: { totpEnabledAt: true } });
  return Boolean(user?.totpEnabledAt);
}
