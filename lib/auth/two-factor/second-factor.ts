import { sealedColumns } from "@/lib/crypto/sealed-columns";
import { db, type Prisma } from "@/lib/db/client";
import { reserveAttempt, settleAttempt } from "../login-attempts";
import { useRecoveryCode } from "./recovery-codes";
import { matchingTotpStep } from "./totp";

const secretColumn = sealedColumns.totpSecret;

export function sealTotpSecret(userId: string, secret: string) {
  return secretColumn.seal({ id: userId }, secret);
}

export function openTotpSecret(userId: string, sealed: string) {
  return secretColumn.open({ id: userId }, sealed);
}

/** An authenticator app shows six digits, sometimes as "123 456"; anything else is taken for a recovery code. */
export function isTotpCode(code: string) {
  return /^\d{6}$/.test(code.replace(/\s/g, ""));
}

/**
 * Claims a time step for the person: accepted only if it is later than the last step accepted, so a
 * code (seen over a shoulder, or submitted twice at once) never works a second time, and neither does
 * an earlier one still inside the drift window. The conditional update is the claim: Postgres re-checks
 * its condition after waiting on the row lock, so of two concurrent claims of one step one updates a row.
 */
export async function claimTotpStep(client: Prisma.TransactionClient, userId: string, step: number): Promise<boolean> {
  const { count } = await client.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1;
}

/** A code from the app for this sealed secret, accepted once. */
export async function acceptTotpCode(client: Prisma.TransactionClient, userId: string, sealedSecret: string, code: string, now = Date.now()) {
  const step = matchingTotpStep(openTotpSecret(userId, sealedSecret), code.replace(/\s/g, ""), now);
  return step !== null && (await claimTotpStep(client, userId, step));
}

export type SecondFactorCheck =
  | { ok: true; method: "totp" }
  | { ok: true; method: "recovery_code"; remainingRecoveryCodes: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterMinutes: number };

/** Who is checked, and from where, for the shared limit on guesses (lib/auth/login-attempts.ts). */
export interface Claimant {
  id: string;
  email: string;
  ipAddress: string;
}

/**
 * Runs one guess under the "two_factor" limit: reserved before anything is checked, so parallel
 * guesses cannot all slip in under it, and settled with the outcome.
 */
export async function limitedGuess<T extends { ok: boolean }>(
  claimant: Claimant,
  guess: () => Promise<T>,
): Promise<T | { ok: false; reason: "rate_limited"; retryAfterMinutes: number }> {
  const reservation = await reserveAttempt("two_factor", { email: claimant.email, ipAddress: claimant.ipAddress });
  if (!reservation.allowed) return { ok: false, reason: "rate_limited", retryAfterMinutes: reservation.retryAfterMinutes };
  let outcome: T | undefined;
  try {
    outcome = await guess();
  } finally {
    await settleAttempt(reservation.attemptId, outcome?.ok === true);
  }
  return outcome;
}

/**
 * The second factor of a person who has two-factor sign-in on: a current code from the app, or one of
 * their unused recovery codes, which is spent. Not rate limited by itself: callers go through limitedGuess.
 */
export async function verifySecondFactor(userId: string, code: string, now = new Date()): Promise<SecondFactorCheck> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecretSealed: true, totpEnabledAt: true } });
  if (!user?.totpEnabledAt || !user.totpSecretSealed) return { ok: false, reason: "invalid" };
  if (isTotpCode(code)) {
    return (await acceptTotpCode(db, userId, user.totpSecretSealed, code, now.getTime())) ? { ok: true, method: "totp" } : { ok: false, reason: "invalid" };
  }
  const used = await useRecoveryCode(userId, code, now);
  return used ? { ok: true, method: "recovery_code", remainingRecoveryCodes: used.remaining } : { ok: false, reason: "invalid" };
}

/** The sign-in's second step: the code, under the limit. */
export function checkSignInCode(claimant: Claimant, code: string): Promise<SecondFactorCheck> {
  return limitedGuess(claimant, () => verifySecondFactor(claimant.id, code));
}
