import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { workspacePage } from "@/lib/workspaces/page-guard";
import { hasRole } from "@/lib/workspaces/roles";
import { WorkspaceSettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function WorkspaceSettingsPage({ params }: PageProps<"/w/[slug]/settings">) {
  const { slug } = await params;
  const { workspace, role } = await workspacePage(slug);
  const canEdit = hasRole(role, "ADMIN");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <Card title="Workspace">
        {canEdit ? null : <Alert className="mb-4">Only admins and owners can change these settings.</Alert>}
        <WorkspaceSettingsForm workspace={workspace} canEdit={canEdit} />
      </Card>
    </div>
  );
}
