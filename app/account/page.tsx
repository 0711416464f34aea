import type { Metadata } from "next";
import Link from "next/link";
import { signOutAction } from "@/app/(auth)/actions";
import { VerifyEmailNotice } from "@/app/(auth)/verify-email/notice";
import { Card } from "@/components/ui/card";
import { UserShell } from "@/components/workspaces/user-shell";
import { requireUser } from "@/lib/auth/current-user";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  return (
    <UserShell email={user.email} signOut={signOutAction}>
      <main className="mx-auto max-w-3xl space-y-6 px-4 py-10">
        <VerifyEmailNotice userId={user.id} />
        <h1 className="text-2xl font-semibold">Your account</h1>
        <Card title="Password" description="Changing it signs you out on every other device.">
          <ChangePasswordForm />
        </Card>
        <Card title="Two-factor sign-in" description="A code from an authenticator app after your password, so a stolen password alone signs no one in.">
          <Link href="/account/two-factor" className="text-sm font-semibold text-blue-700 hover:underline">
            Set up or change two-factor sign-in
          </Link>
        </Card>
        <Card title="Sessions" description="Every browser signed in to your account, and where it signed in from.">
          <Link href="/account/sessions" className="text-sm font-semibold text-blue-700 hover:underline">
            See and sign out sessions
          </Link>
        </Card>
      </main>
    </UserShell>
  );
}
