import { db } from "@/lib/db/client";
import { logError, logger } from "@/lib/log";
import { type Resolver, systemResolver, vetWebhookDestination } from "@/lib/webhooks/destination";
import { postToDestination } from "@/lib/webhooks/post";
import { openWebhookSecret } from "@/lib/webhooks/secret";
import { WEBHOOK_REMOVED } from "@/lib/webhooks/settings";
import { DELIVERY_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from "@/lib/webhooks/signature";

/** Waits after each failed attempt; a delivery that fails them all is given up. */
export const RETRY_DELAYS_SECONDS = [60, 5 * 60, 30 * 60, 2 * 60 * 60, 12 * 60 * 60];
const TIMEOUT_MS = 10_000;
/** How long a claimed delivery is left to its instance before another may try it. */
const CLAIM_SECONDS = 120;

interface ClaimedDelivery {
  id: string;
  workspaceId: string;
  event: string;
  payload: unknown;
  url: string;
  attempts: number;
}

/** Due deliveries, claimed so that no other instance sends the same one meanwhile. */
async function claimDue(now: Date, limit: number) {
  return db.$queryRaw<ClaimedDelivery[]>`
    UPDATE "WebhookDelivery" SET attempts = attempts + 1, "nextAttemptAt" = ${new Date(now.getTime() + CLAIM_SECONDS * 1000)}
    WHERE id IN (
      SELECT id FROM "WebhookDelivery"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt", id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, "workspaceId", event, payload, url, attempts`;
}

async function send(delivery: ClaimedDelivery, now: Date, resolve: Resolver): Promise<{ statusCode?: number; error?: string }> {
  const workspace = await db.workspace.findUnique({ where: { id: delivery.workspaceId }, select: { id: true, webhookSecretSealed: true } });
  if (!workspace?.webhookSecretSealed) return { error: WEBHOOK_REMOVED };
  // Checked again now, whatever it resolved to when saved, and the call connects only to what was checked.
  const destination = await vetWebhookDestination(delivery.url, { resolve });
  if (!destination.ok) {
    logger.warn({ deliveryId: delivery.id, reason: destination.reason }, "webhook destination refused");
    return { error: destination.message };
  }
  const body = JSON.stringify(delivery.payload);
  const timestamp = Math.floor(now.getTime() / 1000);
  const secret = openWebhookSecret({ id: workspace.id, webhookSecretSealed: workspace.webhookSecretSealed });
  try {
    const response = await postToDestination(destination, {
      timeoutMs: TIMEOUT_MS,
      headers: {
        "content-type": "application/json",
        "user-agent": "forge365-webhooks",
        "x-forge365-event": delivery.event,
        [DELIVERY_HEADER]: delivery.id,
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(secret, { deliveryId: delivery.id, timestamp, body }),
      },
      body,
    });
    const ok = response.status >= 200 && response.status < 300;
    return ok ? { statusCode: response.status } : { statusCode: response.status, error: `The receiver answered ${response.status} ${response.statusText}`.trim() };
  } catch (error) {
    const reason = error instanceof Error && error.name === "TimeoutError" ? `no answer within ${TIMEOUT_MS / 1000} s` : "the receiver could not be reached";
    return { error: `The call failed: ${reason}.` };
  }
}

/**
 * Sends every due webhook call once: delivered on a 2xx answer, otherwise tried again after the
 * next delay, and given up after the last. Each attempt is recorded on its WebhookDelivery row. A
 * destination refused right before the call (see `destination.ts`) counts as a failed attempt.
 */
export async function deliverDueWebhooks({ now = () => new Date(), limit = 50, resolve = systemResolver }: { now?: () => Date; limit?: number; resolve?: Resolver } = {}) {
  let sent = 0;
  for (;;) {
    const due = await claimDue(now(), limit);
    if (due.length === 0) return sent;
    await Promise.all(
      due.map(async (delivery) => {
        const at = now();
        const result = await send(delivery, at, resolve).catch((error: unknown) => ({ statusCode: undefined, error: `forge365 could not send it (reference ${logError(error, { deliveryId: delivery.id })}).` }));
        const delay = RETRY_DELAYS_SECONDS[delivery.attempts - 1];
        const status = !result.error ? "DELIVERED" : delay === undefined ? "FAILED" : "PENDING";
        // A delivery re-targeted or cancelled by a settings change meanwhile keeps what that change gave it.
        await db.webhookDelivery.updateMany({
          where: { id: delivery.id, status: "PENDING", url: delivery.url },
          data: {
            status,
            lastStatusCode: result.statusCode ?? null,
            lastError: result.error ?? null,
            deliveredAt: status === "DELIVERED" ? at : null,
            nextAttemptAt: status === "PENDING" ? new Date(at.getTime() + delay! * 1000) : at,
          },
        });
        logger.info({ deliveryId: delivery.id, event: delivery.event, status, statusCode: result.statusCode }, "webhook attempt");
        sent += 1;
      }),
    );
  }
}
