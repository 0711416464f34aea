import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { VerifyEmailBanner } from "@/components/auth/verify-email-banner";
import { getCurrentUser } from "@/lib/auth/current-user";
import { unverifiedEmail } from "@/lib/auth/verify-email";
import { lookupInvitation, maskEmail } from "@/lib/workspaces/invitations";
import { roleLabels } from "@/lib/workspaces/roles";
import { resendVerificationAction } from "../../verify-email/actions";
import { AcceptInvitationForm } from "./accept-form";

export const metadata: Metadata = { title: "Invitation" };

const unavailable = {
  unknown: "This invitation link is not valid. Ask the person who invited you for a new one.",
  used: "This invitation has already been used.",
  revoked: "This invitation was withdrawn.",
  expired: "This invitation has expired. Invitation links last 7 days; ask for a new one.",
} as const;

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await lookupInvitation(token);
  if (invitation.status !== "valid") {
    return (
      <Card title="Invitation unavailable">
        <Alert tone="error">{unavailable[invitation.status]}</Alert>
      </Card>
    );
  }
  const user = await getCurrentUser();
  const here = `/invite/${token}`;
  return (
    <Card
      title={`Join ${invitation.workspaceName}`}
      description={`You're invited as ${roleLabels[invitation.role]}. The invitation is for ${maskEmail(invitation.email)}.`}
    >
      {user ? (
        (await unverifiedEmail(user.id)) ? (
          <VerifyEmailBanner email={user.email} resend={resendVerificationAction} />
        ) : (
          <AcceptInvitationForm token={token} />
        )
      ) : (
        <div className="flex gap-2">
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`} className={buttonClasses("primary", "flex-1")}>
            Sign in
          </Link>
          <Link href={`/sign-up?callbackUrl=${encodeURIComponent(here)}`} className={buttonClasses("secondary", "flex-1")}>
            Create account
          </Link>
        </div>
      )}
    </Card>
  );
}
