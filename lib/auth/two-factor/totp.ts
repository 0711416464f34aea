import { Secret, TOTP } from "otpauth";

/**
 * RFC 6238 as every authenticator app reads an otpauth:// URI by default: HMAC-SHA-1, 6 digits, a
 * 30-second step. Apps that show the URI's parameters at all ignore the others more often than not.
 */
export const TOTP_PERIOD_SECONDS = 30;
const DIGITS = 6;
const ISSUER = "forge365";
/** RFC 6238 §5.2 allows one step of drift either way; more widens what a guess can hit. */
const ACCEPTED_DRIFT_STEPS = 1;
/** 160 bits, the HMAC-SHA-1 key length RFC 4226 §4 recommends. */
const SECRET_BYTES = 20;

/** A new shared secret, in base32 as authenticator apps take it. */
export function generateTotpSecret(): string {
  return new Secret({ size: SECRET_BYTES }).base32;
}

function totp(secret: string, label = "") {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: DIGITS, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secret) });
}

/** The otpauth:// URI the QR code carries (Key Uri Format), labelled with the person's email. */
export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** The time step a timestamp falls in: what a code is bound to, and what replay protection compares. */
export function totpStep(now = Date.now()): number {
  return Math.floor(now / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * The step whose code this is, within one step of now, or null. Comparison is constant-time (otpauth's
 * timingSafeEqual). The caller must still claim the step (see claimTotpStep) before trusting it.
 */
export function matchingTotpStep(secret: string, code: string, now = Date.now()): number | null {
  const delta = totp(secret).validate({ token: code, timestamp: now, window: ACCEPTED_DRIFT_STEPS });
  return delta === null ? null : totpStep(now) + delta;
}
