import type { Prisma } from "@/lib/db/client";
import { appUrl } from "@/lib/env";

export interface WorkspaceEvent {
  /** Also the webhook's event name: "account.failing", "account.recovered", "secret.expiring", "secret.expired". */
  kind: string;
  title: string;
  body: string;
  /** Path inside the dashboard. */
  href: string;
  /** The webhook's JSON facts; never a secret (hints, dates, counts and Microsoft's codes only). */
  data: Prisma.InputJsonObject;
}

/**
 * Tells a workspace about a change: one in-app notification for each admin and owner, and one
 * webhook call when a webhook is set. Written in the caller's transaction, with the change itself,
 * so a change is announced exactly once however many instances notice it.
 */
export async function notifyWorkspace(tx: Prisma.TransactionClient, workspaceId: string, event: WorkspaceEvent, now: Date) {
  const workspace = await tx.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { slug: true, name: true, webhookUrl: true, memberships: { where: { role: { in: ["OWNER", "ADMIN"] } }, select: { userId: true } } },
  });
  await tx.notification.createMany({
    data: workspace.memberships.map(({ userId }) => ({ workspaceId, userId, kind: event.kind, title: event.title, body: event.body, href: event.href, createdAt: now })),
  });
  if (!workspace.webhookUrl) return;
  await tx.webhookDelivery.create({
    data: {
      workspaceId,
      event: event.kind,
      url: workspace.webhookUrl,
      nextAttemptAt: now,
      payload: {
        event: event.kind,
        occurredAt: now.toISOString(),
        workspace: { slug: workspace.slug, name: workspace.name },
        title: event.title,
        text: event.body,
        url: `${appUrl()}${event.href}`,
        data: event.data,
      },
    },
  });
}
