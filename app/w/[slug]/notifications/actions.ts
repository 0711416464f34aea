"use server";

import { z } from "zod";
import { workspaceAction } from "@/lib/actions/workspace-action";
import { markAllRead } from "@/lib/notifications/inbox";

/** Concerns only the caller's own notifications, so any role may do it. */
export const markNotificationsReadAction = workspaceAction({
  name: "notifications.markRead",
  role: "VIEWER",
  schema: z.object({}),
  async run(ctx) {
    const count = await markAllRead(ctx.userId, ctx.workspace.id);
    return { ok: true, data: undefined, message: count ? `Marked ${count} notification${count === 1 ? "" : "s"} as read.` : "Nothing unread." };
  },
});
