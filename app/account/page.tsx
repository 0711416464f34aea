import type { Metadata } from "next";
import { signOutAction } from "@/app/(auth)/actions";
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
        <h1 className="text-2xl font-semibold">Your account</h1>
        <Card title="Password" description="Changing it signs you out on every other device.">
          <ChangePasswordForm />
        </Card>
      </main>
    </UserShell>
  );
}
