import type { Metadata } from "next";
import { EntraHelp } from "@/components/accounts/entra-help";
import { Card } from "@/components/ui/card";
import { cloudOptions } from "@/lib/accounts/microsoft-app";
import { datePattern } from "@/lib/format/date-input";
import { workspacePage } from "@/lib/workspaces/page-guard";
import { AccountForm } from "./account-form";

export const metadata: Metadata = { title: "Add Microsoft 365 account" };

export default async function NewAccountPage({ params }: PageProps<"/w/[slug]/accounts/new">) {
  const { slug } = await params;
  const { workspace } = await workspacePage(slug, "MEMBER");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Add Microsoft 365 account</h1>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <Card title="App registration and mailboxes" description="One Entra ID app registration, and the mailboxes that send through it.">
          <AccountForm slug={workspace.slug} clouds={cloudOptions()} datePattern={datePattern(workspace.locale)} />
        </Card>
        <EntraHelp />
      </div>
    </div>
  );
}
