import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "x-forge365-signature";
export const TIMESTAMP_HEADER = "x-forge365-timestamp";
/** The delivery's id: the same on every attempt of one delivery, so a receiver can drop duplicates by it. */
export const DELIVERY_HEADER = "x-forge365-delivery";
/** A receiver refuses a call signed longer ago than this, so a captured call cannot be replayed later. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export interface SignedParts {
  deliveryId: string;
  timestamp: number;
  body: string;
}

/**
 * HMAC-SHA256 over "<delivery id>.<timestamp>.<body>". The timestamp is signed so that it cannot be
 * swapped for a fresh one; the delivery id is signed so that a captured call cannot be sent again
 * under another id, past a receiver that drops the ids it has already seen. (A delivery id is a cuid:
 * it holds no ".", so the three parts cannot be shifted into one another.)
 */
export function signWebhook(secret: string, { deliveryId, timestamp, body }: SignedParts) {
  return `sha256=${createHmac("sha256", secret).update(`${deliveryId}.${timestamp}.${body}`).digest("hex")}`;
}

type ReceivedHeaders = Headers | Record<string, string | string[] | undefined>;

function header(headers: ReceivedHeaders, name: string) {
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  return typeof value === "string" ? value : null;
}

/**
 * What a receiver does with a call: rebuild the signed string from the delivery id and timestamp
 * headers and the raw body, compare signatures in constant time, and check the age.
 */
export function verifyWebhook(secret: string, call: { headers: ReceivedHeaders; body: string }, now = new Date()): boolean {
  const signature = header(call.headers, SIGNATURE_HEADER);
  const deliveryId = header(call.headers, DELIVERY_HEADER);
  const timestamp = Number(header(call.headers, TIMESTAMP_HEADER) ?? Number.NaN);
  if (!signature || !deliveryId || !Number.isInteger(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signWebhook(secret, { deliveryId, timestamp, body: call.body }));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
