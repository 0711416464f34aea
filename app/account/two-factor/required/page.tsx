import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { signOutAction } from "@/app/(auth)/actions";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { UserShell } from "@/components/workspaces/user-shell";
import { requireUser } from "@/lib/auth/current-user";
import { TwoFactorRequiredError, WorkspaceNotFoundError } from "@/lib/workspaces/errors";
import { requireMembership } from "@/lib/workspaces/guard";

export const metadata: Metadata = { title: "Two-factor sign-in required" };

/**
 * Where the guard sends a member of a workspace that requires two-factor sign-in, instead of any of
 * its pages. It asks the guard itself, so it names the workspace only to a member the guard refused.
 */
export default async function TwoFactorRequiredPage({ searchParams }: { searchParams: Promise<{ workspace?: string | string[] }> }) {
  const slug = String((await searchParams).workspace ?? "");
  const user = await requireUser(`/account/two-factor/required?workspace=${encodeURIComponent(slug)}`);
  let workspaceName: string | null = null;
  try {
    await requireMembership(user.id, slug, "VIEWER");
  } catch (error) {
    if (error instanceof WorkspaceNotFoundError) notFound();
    if (!(error instanceof TwoFactorRequiredError)) throw error;
    workspaceName = error.workspaceName;
  }
  // Admitted (two-factor is on now, or no longer required): the workspace itself.
  if (workspaceName === null) redirect(`/w/${encodeURIComponent(slug)}`);
  return (
    <UserShell email={user.email} signOut={signOutAction}>
      <main className="mx-auto max-w-xl space-y-6 px-4 py-10">
        <h1 className="text-2xl font-semibold">{workspaceName} requires two-factor sign-in</h1>
        <Card>
          <p className="text-sm text-slate-700">
            Its owners ask every member to sign in with a code from an authenticator app as well as a password. Turn it on for your account,
            then come back: {workspaceName} opens as soon as you have.
          </p>
          <Link href="/account/two-factor" className={buttonClasses("primary", "mt-4")}>
            Turn on two-factor sign-in
          </Link>
        </Card>
      </main>
    </UserShell>
  );
}
