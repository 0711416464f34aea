import type { Metadata } from "next";
import Link from "next/link";
import { NeedsAttention } from "@/components/health/needs-attention";
import { Card } from "@/components/ui/card";
import { EnvironmentBadge } from "@/components/workspaces/environment-badge";
import { db } from "@/lib/db/client";
import { needsAttention } from "@/lib/health/attention";
import { workspacePage } from "@/lib/workspaces/page-guard";
import { roleLabels } from "@/lib/workspaces/roles";

export const metadata: Metadata = { title: "Overview" };

export default async function WorkspaceOverview({ params }: PageProps<"/w/[slug]">) {
  const { slug } = await params;
  const { workspace, role } = await workspacePage(slug);
  const [memberCount, accountCount, mailboxCount, attention] = await Promise.all([
    db.membership.count({ where: { workspaceId: workspace.id } }),
    db.appRegistration.count({ where: { workspaceId: workspace.id } }),
    db.mailbox.count({ where: { workspaceId: workspace.id } }),
    needsAttention(workspace),
  ]);
  return (
    <div className="space-y-6">
      <div className="flex items-center gap-3">
        <h1 className="text-2xl font-semibold">{workspace.name}</h1>
        <EnvironmentBadge environment={workspace.environment} />
      </div>
      {accountCount ? <NeedsAttention items={attention} slug={workspace.slug} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Card title="Your role" description={roleLabels[role]}>
          <p className="text-sm text-slate-600">
            {memberCount} {memberCount === 1 ? "member" : "members"} in this workspace.{" "}
            <Link href={`/w/${workspace.slug}/members`} className="font-semibold text-blue-700 hover:underline">
              See members
            </Link>
          </p>
        </Card>
        <Card
          title="Microsoft 365 accounts"
          description={accountCount ? `${accountCount} account${accountCount === 1 ? "" : "s"}, ${mailboxCount} mailbox${mailboxCount === 1 ? "" : "es"}.` : "No Microsoft 365 accounts yet."}
        >
          <p className="text-sm text-slate-600">
            {accountCount ? null : "Add a client's Entra ID app registration and its mailboxes, then press Test Connection to prove they can send. "}
            <Link href={`/w/${workspace.slug}/accounts`} className="font-semibold text-blue-700 hover:underline">
              {accountCount ? "See accounts" : "Add an account"}
            </Link>
          </p>
        </Card>
      </div>
    </div>
  );
}
