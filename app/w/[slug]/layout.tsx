import { signOutAction } from "@/app/(auth)/actions";
import { AppHeader } from "@/components/workspaces/app-header";
import { EnvironmentBadge } from "@/components/workspaces/environment-badge";
import { UserMenu } from "@/components/workspaces/user-menu";
import { WorkspaceNav } from "@/components/workspaces/workspace-nav";
import { WorkspaceSwitcher } from "@/components/workspaces/workspace-switcher";
import { workspacePage } from "@/lib/workspaces/page-guard";
import { listWorkspacesOf } from "@/lib/workspaces/workspaces";

const navigation = [
  { href: "", label: "Overview" },
  { href: "/accounts", label: "Accounts" },
  { href: "/mailboxes", label: "Mailboxes" },
  { href: "/members", label: "Members" },
  { href: "/settings", label: "Settings" },
];

export default async function WorkspaceLayout({ children, params }: LayoutProps<"/w/[slug]">) {
  const { slug } = await params;
  const { workspace, user } = await workspacePage(slug);
  const workspaces = await listWorkspacesOf(user.id);
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto max-w-6xl px-4 pt-3">
          <AppHeader
            left={
              <>
                <WorkspaceSwitcher current={workspace} workspaces={workspaces} />
                <span data-testid="environment-badge">
                  <EnvironmentBadge environment={workspace.environment} />
                </span>
              </>
            }
            right={<UserMenu email={user.email} signOut={signOutAction} />}
          />
          <div className="mt-2">
            <WorkspaceNav slug={workspace.slug} items={navigation} />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
