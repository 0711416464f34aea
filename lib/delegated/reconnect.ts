import { db } from "@/lib/db/client";

const SHOWN = 5;

/** Mailboxes whose stored sign-in Microsoft refused, for the workspace's banner: a few by name, and how many. */
export async function mailboxesToReconnect(workspaceId: string) {
  const where = { workspaceId, status: "RECONNECT_REQUIRED" as const };
  const [total, rows] = await Promise.all([
    db.mailbox.count({ where }),
    db.mailbox.findMany({ where, orderBy: { address: "asc" }, take: SHOWN, select: { id: true, address: true, reconnectReason: true } }),
  ]);
  return { total, rows };
}
