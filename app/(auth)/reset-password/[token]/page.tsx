import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { peekEmailLink } from "@/lib/auth/email-links";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = token.length <= 100 ? await peekEmailLink(token, "RESET_PASSWORD") : null;
  if (!link) {
    return (
      <Card title="This link no longer works">
        <div className="space-y-3 text-sm">
          <Alert tone="error">This password reset link has expired or was already used. Links work once, for 30 minutes.</Alert>
          <Link href="/forgot-password" className="font-semibold text-blue-700 hover:underline">
            Ask for a new link
          </Link>
        </div>
      </Card>
    );
  }
  return (
    <Card title="Choose a new password" description={`For ${link.email}. Every device signed in to the account is signed out.`}>
      <ResetPasswordForm token={token} />
    </Card>
  );
}
