import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "x-forge365-signature";
export const TIMESTAMP_HEADER = "x-forge365-timestamp";
/** A receiver refuses a call signed longer ago than this, so a captured call cannot be replayed later. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** HMAC-SHA256 over "<timestamp>.<body>": the timestamp is signed too, so it cannot be swapped for a fresh one. */
export function signWebhook(secret: string, timestamp: number, body: string) {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** What a receiver does with a call: recompute the signature, compare in constant time, check the age. */
export function verifyWebhook(
  secret: string,
  call: { signature: string | null; timestamp: string | null; body: string },
  now = new Date(),
): boolean {
  const timestamp = Number(call.timestamp);
  if (!call.signature || !Number.isInteger(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, call.body));
  const given = Buffer.from(call.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
