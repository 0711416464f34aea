import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format/datetime";
import { listNotifications } from "@/lib/notifications/inbox";
import { workspacePage } from "@/lib/workspaces/page-guard";
import { MarkReadButton } from "./mark-read-button";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({ params }: PageProps<"/w/[slug]/notifications">) {
  const { slug } = await params;
  const { workspace, user } = await workspacePage(slug);
  const notifications = await listNotifications(user.id, workspace.id);
  const unread = notifications.filter((n) => !n.readAt).length;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Notifications</h1>
          <p className="mt-1 text-sm text-slate-600">
            Scheduled health checks tell admins and owners when an account starts failing, recovers, or its client secret nears expiry.
          </p>
        </div>
        {unread ? <MarkReadButton slug={workspace.slug} /> : null}
      </div>
      <Card>
        {notifications.length === 0 ? (
          <p className="text-sm text-slate-600">No notifications yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {notifications.map((n) => (
              <li key={n.id} className="py-3" data-testid="notification" data-unread={n.readAt ? undefined : "true"}>
                <div className="flex flex-wrap items-center gap-2">
                  {n.readAt ? null : <Badge tone="blue">New</Badge>}
                  {n.href ? (
                    <Link href={n.href} className="font-semibold text-blue-700 hover:underline">
                      {n.title}
                    </Link>
                  ) : (
                    <span className="font-semibold">{n.title}</span>
                  )}
                  <span className="text-xs text-slate-500">{formatDateTime(n.createdAt, workspace)}</span>
                </div>
                <p className="mt-1 text-sm text-slate-700">{n.body}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
