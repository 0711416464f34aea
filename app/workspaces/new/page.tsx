import type { Metadata } from "next";
import { signOutAction } from "@/app/(auth)/actions";
import { Card } from "@/components/ui/card";
import { UserShell } from "@/components/workspaces/user-shell";
import { requireUser } from "@/lib/auth/current-user";
import { CreateWorkspaceForm } from "./create-workspace-form";

export const metadata: Metadata = { title: "New workspace" };

export default async function NewWorkspacePage() {
  const user = await requireUser("/workspaces/new");
  return (
    <UserShell email={user.email} signOut={signOutAction}>
      <main className="mx-auto max-w-lg px-4 py-10">
        <Card title="New workspace" description="One workspace per client keeps each client's credentials and mailboxes apart.">
          <CreateWorkspaceForm />
        </Card>
      </main>
    </UserShell>
  );
}
