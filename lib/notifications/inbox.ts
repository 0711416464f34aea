import { db } from "@/lib/db/client";

export function countUnread(userId: string, workspaceId: string) {
  return db.notification.count({ where: { userId, workspaceId, readAt: null } });
}

export function listNotifications(userId: string, workspaceId: string, take = 100) {
  return db.notification.findMany({
    where: { userId, workspaceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, kind: true, title: true, body: true, href: true, createdAt: true, readAt: true },
  });
}

/** Only the caller's own notifications of this workspace are touched. */
export async function markAllRead(userId: string, workspaceId: string, now = new Date()) {
  const { count } = await db.notification.updateMany({ where: { userId, workspaceId, readAt: null }, data: { readAt: now } });
  return count;
}
