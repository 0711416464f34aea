import { recordActorEvent } from "@/lib/audit/record";
import { db, type Prisma } from "@/lib/db/client";
import { UserFacingError } from "@/lib/errors";
import type { Actor } from "@/lib/workspaces/actor";
import { vetWebhookDestination } from "./destination";
import { generateWebhookSecret, sealWebhookSecret } from "./secret";

/**
 * Sets where the workspace's status changes are sent. A signing secret is generated with the first
 * URL (or on request) and returned this once, to be copied into the receiver; only its sealed form
 * is stored. The audit event names the receiving host, never the secret.
 *
 * A URL that reaches this server's own or private network is refused here, before anything is
 * written; a host that does not resolve yet is accepted (the receiver may still be being set up)
 * and, like every host, checked again before each call. Deliveries still waiting follow a changed URL
 * in the same transaction (see `retargetPendingDeliveries`).
 */
export async function configureWebhook(actor: Actor, input: { url: string; regenerate: boolean }, now = new Date()) {
  const destination = await vetWebhookDestination(input.url);
  if (!destination.ok && destination.reason !== "unresolved") {
    const advice = destination.reason === "address" ? " Use a receiver reachable from the internet." : "";
    throw new UserFacingError(`${destination.message}${advice}`, "url");
  }
  return db.$transaction(async (tx) => {
    const current = await tx.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: { webhookSecretSealed: true } });
    const secret = input.regenerate || !current.webhookSecretSealed ? generateWebhookSecret() : null;
    await tx.workspace.update({
      where: { id: actor.workspaceId },
      data: { webhookUrl: input.url, ...(secret ? { webhookSecretSealed: sealWebhookSecret(actor.workspaceId, secret) } : {}) },
    });
    const retargetedDeliveries = await retargetPendingDeliveries(tx, actor.workspaceId, input.url, now);
    await recordActorEvent(tx, actor, {
      action: "webhook.updated",
      target: { type: "Workspace", id: actor.workspaceId, label: new URL(input.url).host },
      metadata: { newSecret: Boolean(secret), retargetedDeliveries },
    });
    return { secret };
  });
}

/** Why a delivery still waiting when its webhook was removed was given up. */
export const WEBHOOK_REMOVED = "The webhook was removed from the workspace settings.";

/** Stops the calls: deliveries still waiting are given up with the webhook, not left to try later. */
export async function removeWebhook(actor: Actor) {
  await db.$transaction(async (tx) => {
    const workspace = await tx.workspace.update({ where: { id: actor.workspaceId }, data: { webhookUrl: null, webhookSecretSealed: null }, select: { name: true } });
    const { count: cancelledDeliveries } = await tx.webhookDelivery.updateMany({
      where: { workspaceId: actor.workspaceId, status: "PENDING" },
      data: { status: "FAILED", lastError: WEBHOOK_REMOVED },
    });
    await recordActorEvent(tx, actor, {
      action: "webhook.removed",
      target: { type: "Workspace", id: actor.workspaceId, label: workspace.name },
      metadata: { cancelledDeliveries },
    });
  });
}

/**
 * Deliveries still waiting go to the URL the admin set now, not the one they were queued for (which
 * the admin may have just moved away from because it is wrong or no longer theirs). The new receiver
 * has not been tried yet, so each starts over as if just queued: no attempts, due at once.
 */
async function retargetPendingDeliveries(tx: Prisma.TransactionClient, workspaceId: string, url: string, now: Date) {
  const { count } = await tx.webhookDelivery.updateMany({
    where: { workspaceId, status: "PENDING", url: { not: url } },
    data: { url, attempts: 0, nextAttemptAt: now, lastStatusCode: null, lastError: null },
  });
  return count;
}

export async function webhookSettings(workspaceId: string) {
  const [workspace, deliveries] = await Promise.all([
    db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { webhookUrl: true, webhookSecretSealed: true } }),
    db.webhookDelivery.findMany({
      where: { workspaceId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 20,
      select: { id: true, event: true, status: true, attempts: true, lastStatusCode: true, lastError: true, createdAt: true, deliveredAt: true, nextAttemptAt: true },
    }),
  ]);
  return { url: workspace.webhookUrl, hasSecret: Boolean(workspace.webhookSecretSealed), deliveries };
}
