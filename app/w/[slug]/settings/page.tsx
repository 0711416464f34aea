import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { WebhookDeliveries } from "@/components/webhooks/webhook-deliveries";
import { timeZones } from "@/lib/format/preferences";
import { webhookSettings } from "@/lib/webhooks/settings";
import { workspacePage } from "@/lib/workspaces/page-guard";
import { hasRole } from "@/lib/workspaces/roles";
import { twoFactorRequirement } from "@/lib/workspaces/two-factor-requirement";
import { WorkspaceSettingsForm } from "./settings-form";
import { TwoFactorRequirementForm } from "./two-factor-form";
import { RemoveWebhookButton, WebhookForm } from "./webhook-form";

export const metadata: Metadata = { title: "Settings" };

export default async function WorkspaceSettingsPage({ params }: PageProps<"/w/[slug]/settings">) {
  const { slug } = await params;
  const { workspace, role, user } = await workspacePage(slug);
  const canEdit = hasRole(role, "ADMIN");
  const webhook = canEdit ? await webhookSettings(workspace.id) : null;
  const twoFactor = await twoFactorRequirement(workspace.id, user.id);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <Card title="Workspace">
        {canEdit ? null : <Alert className="mb-4">Only admins and owners can change these settings.</Alert>}
        <WorkspaceSettingsForm workspace={workspace} canEdit={canEdit} timeZones={timeZones()} />
      </Card>
      <Card
        title="Two-factor sign-in"
        description="When required, members who have not turned on two-factor sign-in for their account see only a page asking them to, until they do."
      >
        <p className="mb-4 text-sm text-slate-700" data-testid="two-factor-requirement">
          {twoFactor.required ? "Required of every member." : "Not required."}{" "}
          {twoFactor.membersWithout === 0
            ? "Every member has it on."
            : `${twoFactor.membersWithout} member${twoFactor.membersWithout === 1 ? " has" : "s have"} not turned it on${twoFactor.required ? " and cannot open this workspace" : ""}.`}
        </p>
        {role !== "OWNER" ? (
          <Alert>Only owners can change this.</Alert>
        ) : (
          <>
            {!twoFactor.required && !twoFactor.viewerHasIt ? (
              <Alert className="mb-4">
                Turn on <Link href="/account/two-factor" className="font-semibold text-blue-700 hover:underline">two-factor sign-in for your own account</Link> first; then you can require it of everyone.
              </Alert>
            ) : null}
            <TwoFactorRequirementForm slug={workspace.slug} required={twoFactor.required} ownerHasTwoFactor={twoFactor.viewerHasIt} />
          </>
        )}
      </Card>
      {webhook ? (
        <Card
          title="Webhook"
          description="Each call carries X-Forge365-Timestamp and X-Forge365-Signature: sha256= the HMAC-SHA256, with the signing secret, of the timestamp, a dot and the body. Refuse calls older than 5 minutes."
        >
          <WebhookForm slug={workspace.slug} url={webhook.url} hasSecret={webhook.hasSecret} />
          {webhook.url ? (
            <div className="mt-4 border-t border-slate-100 pt-4">
              <RemoveWebhookButton slug={workspace.slug} />
            </div>
          ) : null}
          <div className="mt-6">
            <WebhookDeliveries deliveries={webhook.deliveries} prefs={workspace} />
          </div>
        </Card>
      ) : null}
    </div>
  );
}
