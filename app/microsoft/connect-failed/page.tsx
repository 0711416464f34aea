import type { Metadata } from "next";
import Link from "next/link";
import { signOutAction } from "@/app/(auth)/actions";
import { ConnectFailure } from "@/components/delegated/connect-failure";
import { UserShell } from "@/components/workspaces/user-shell";
import { requireUser } from "@/lib/auth/current-user";
import { connectErrorCode } from "@/lib/delegated/schemas";

export const metadata: Metadata = { title: "Connect with Microsoft" };

/**
 * Where a Connect lands when its answer cannot be tied to a sign-in this person started (used twice,
 * expired, forged, or finished by someone else): only the diagnosis, nothing about any workspace.
 */
export default async function ConnectFailedPage({ searchParams }: PageProps<"/microsoft/connect-failed">) {
  const user = await requireUser("/");
  const code = connectErrorCode.safeParse((await searchParams).code);
  return (
    <UserShell email={user.email} signOut={signOutAction}>
      <main className="mx-auto max-w-3xl space-y-6 px-4 py-10">
        <h1 className="text-2xl font-semibold">Connect with Microsoft</h1>
        <ConnectFailure code={code.success ? code.data : "STATE_INVALID"} />
        <Link href="/" className="inline-block text-sm font-semibold text-blue-700 hover:underline">
          Back to your workspaces
        </Link>
      </main>
    </UserShell>
  );
}
