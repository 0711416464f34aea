import { signOutAction } from "@/app/(auth)/actions";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { AppHeader } from "@/components/workspaces/app-header";
import { EnvironmentBadge } from "@/components/workspaces/environment-badge";
import { UserMenu } from "@/components/workspaces/user-menu";
import { WorkspaceNav } from "@/components/workspaces/workspace-nav";
import { WorkspaceSwitcher } from "@/components/workspaces/workspace-switcher";
import { countUnread } from "@/lib/notifications/inbox";
import { workspacePage } from "@/lib/workspaces/page-guard";
import { hasRole } from "@/lib/workspaces/roles";
import { switcherWorkspacesOf } from "@/lib/workspaces/workspaces";
import { ReconnectBanner } from "./reconnect-banner";

const navigation = [
  { href: "", label: "Overview" },
  { href: "/accounts", label: "Accounts" },
  { href: "/mailboxes", label: "Mailboxes" },
  { href: "/members", label: "Members" },
  { href: "/audit", label: "Audit log", role: "ADMIN" as const },
  { href: "/settings", label: "Settings" },
];

export default async function WorkspaceLayout({ children, params }: LayoutProps<"/w/[slug]">) {
  const { slug } = await params;
  const { workspace, user, role } = await workspacePage(slug);
  const [switcher, unread] = await Promise.all([switcherWorkspacesOf(user.id, workspace.id), countUnread(user.id, workspace.id)]);
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto max-w-6xl px-4 pt-3">
          <AppHeader
            left={
              <>
                <WorkspaceSwitcher current={workspace} {...switcher} />
                <span data-testid="environment-badge">
                  <EnvironmentBadge environment={workspace.environment} />
                </span>
              </>
            }
            right={<span className="flex items-center gap-2"><NotificationBell href={`/w/${workspace.slug}/notifications`} unread={unread} /><UserMenu email={user.email} signOut={signOutAction} /></span>}
          />
          <div className="mt-2">
            <WorkspaceNav slug={workspace.slug} items={navigation.filter((item) => !item.role || hasRole(role, item.role))} />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">
        <ReconnectBanner workspace={workspace} />
        {children}
      </main>
    </div>
  );
}
