import { db } from "@/lib/db/client";
import { verifyPassword } from "../password";
import { replaceRecoveryCodes, unusedRecoveryCodes } from "./recovery-codes";
import { acceptTotpCode, type Claimant, limitedGuess, openTotpSecret, sealTotpSecret, verifySecondFactor } from "./second-factor";
import { generateTotpSecret } from "./totp";

export type TwoFactorState =
  | { enabled: true; enabledAt: Date; unusedRecoveryCodes: number }
  /** The secret to show while enrolling: until confirmation it is the only place it ever appears. */
  | { enabled: false; pendingSecret: string };

/**
 * Where the person stands. Off, an enrolment secret is created the first time and kept until it is
 * confirmed, so reloading the page does not invalidate a QR code already scanned.
 */
export async function twoFactorState(userId: string): Promise<TwoFactorState> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabledAt: true, totpSecretSealed: true } });
  if (user.totpEnabledAt) return { enabled: true, enabledAt: user.totpEnabledAt, unusedRecoveryCodes: await unusedRecoveryCodes(userId) };
  if (user.totpSecretSealed) return { enabled: false, pendingSecret: openTotpSecret(userId, user.totpSecretSealed) };
  const secret = generateTotpSecret();
  // Two first visits at once (two tabs) keep whichever secret was written first.
  await db.user.updateMany({ where: { id: userId, totpSecretSealed: null, totpEnabledAt: null }, data: { totpSecretSealed: sealTotpSecret(userId, secret) } });
  return twoFactorState(userId);
}

export interface PasswordAndCode {
  password: string;
  code: string;
}

export type TwoFactorChange<T> =
  | { ok: true; data: T }
  | { ok: false; reason: "wrong_password" | "invalid_code" | "state_changed" }
  | { ok: false; reason: "rate_limited"; retryAfterMinutes: number }
  | { ok: false; reason: "required_by"; workspaces: string[] };

async function passwordMatches(userId: string, password: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  return verifyPassword(user.passwordHash, password);
}

/**
 * Turns two-factor sign-in on with the pending secret, once the person proves they hold it (a current
 * code) and are who they say (their password). Returns the recovery codes to show, once.
 */
export function confirmEnrolment(claimant: Claimant, input: PasswordAndCode): Promise<TwoFactorChange<{ recoveryCodes: string[] }>> {
  return limitedGuess(claimant, async () => {
    if (!(await passwordMatches(claimant.id, input.password))) return { ok: false, reason: "wrong_password" } as const;
    const user = await db.user.findUniqueOrThrow({ where: { id: claimant.id }, select: { totpEnabledAt: true, totpSecretSealed: true } });
    if (user.totpEnabledAt || !user.totpSecretSealed) return { ok: false, reason: "state_changed" } as const;
    const pending = user.totpSecretSealed;
    return db.$transaction(async (tx) => {
      if (!(await acceptTotpCode(tx, claimant.id, pending, input.code))) return { ok: false, reason: "invalid_code" } as const;
      // Only the secret that was checked is turned on: not one replaced meanwhile, nor twice.
      const { count } = await tx.user.updateMany({ where: { id: claimant.id, totpEnabledAt: null, totpSecretSealed: pending }, data: { totpEnabledAt: new Date() } });
      if (count === 0) return { ok: false, reason: "state_changed" } as const;
      return { ok: true, data: { recoveryCodes: await replaceRecoveryCodes(tx, claimant.id) } } as const;
    });
  });
}

/** Password and a second factor (app code or recovery code) before anything about two-factor changes. */
function reauthenticate(claimant: Claimant, input: PasswordAndCode): Promise<TwoFactorChange<undefined>> {
  return limitedGuess(claimant, async () => {
    if (!(await passwordMatches(claimant.id, input.password))) return { ok: false, reason: "wrong_password" } as const;
    const check = await verifySecondFactor(claimant.id, input.code);
    return check.ok ? ({ ok: true, data: undefined } as const) : ({ ok: false, reason: "invalid_code" } as const);
  });
}

/**
 * Turns two-factor sign-in off: the secret, the replay marker and every recovery code go. Not while a
 * workspace of the person's requires it: they would lock themself out of it (an owner, of their own).
 */
export async function turnOffTwoFactor(claimant: Claimant, input: PasswordAndCode): Promise<TwoFactorChange<undefined>> {
  const requiring = await db.workspace.findMany({
    where: { requireTwoFactor: true, memberships: { some: { userId: claimant.id } } },
    select: { name: true },
    orderBy: { name: "asc" },
  });
  if (requiring.length > 0) return { ok: false, reason: "required_by", workspaces: requiring.map((w) => w.name) };
  const check = await reauthenticate(claimant, input);
  if (!check.ok) return check;
  await db.$transaction([
    db.user.update({ where: { id: claimant.id }, data: { totpEnabledAt: null, totpSecretSealed: null, totpLastStep: null } }),
    db.recoveryCode.deleteMany({ where: { userId: claimant.id } }),
  ]);
  return check;
}

/** A fresh set of ten recovery codes; the old ones, used or not, stop working. */
export async function regenerateRecoveryCodes(claimant: Claimant, input: PasswordAndCode): Promise<TwoFactorChange<{ recoveryCodes: string[] }>> {
  const check = await reauthenticate(claimant, input);
  if (!check.ok) return check;
  const recoveryCodes = await db.$transaction((tx) => replaceRecoveryCodes(tx, claimant.id));
  return { ok: true, data: { recoveryCodes } };
}
