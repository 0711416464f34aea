import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { peekEmailLink } from "@/lib/auth/email-links";
import { VerifyEmailForm } from "./verify-form";

export const metadata: Metadata = { title: "Verify your email address" };

/**
 * Opening the link only asks; the button uses it. Mail scanners open links to look at them, and a
 * single-use link they opened would be spent before its person clicks it.
 */
export default async function VerifyEmailPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const { token } = await params;
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl ?? "/workspaces");
  const link = token.length <= 100 ? await peekEmailLink(token, "VERIFY_EMAIL") : null;
  if (!link) {
    return (
      <Card title="This link no longer works">
        <div className="space-y-3 text-sm">
          <Alert tone="error">This verification link has expired or was already used. Sign in and send a new one from the banner.</Alert>
          <Link href="/sign-in" className="font-semibold text-blue-700 hover:underline">
            Sign in
          </Link>
        </div>
      </Card>
    );
  }
  return (
    <Card title="Verify your email address" description={`Confirm that ${link.email} is yours, and you are signed in.`}>
      <VerifyEmailForm token={token} callbackUrl={callbackUrl} />
    </Card>
  );
}
