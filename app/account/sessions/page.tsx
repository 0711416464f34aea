import type { Metadata } from "next";
import Link from "next/link";
import { signOutAction } from "@/app/(auth)/actions";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { UserShell } from "@/components/workspaces/user-shell";
import { requireUser } from "@/lib/auth/current-user";
import { listSessions } from "@/lib/auth/session-list";
import { formatDateTime } from "@/lib/format/datetime";
import { RevokeOtherSessionsButton, RevokeSessionButton } from "./session-buttons";

export const metadata: Metadata = { title: "Sessions" };

const METHODS = { password: "Password", microsoft: "Microsoft", email_link: "Emailed link" } as const;

export default async function SessionsPage() {
  const user = await requireUser("/account/sessions");
  const sessions = await listSessions(user.id, user.sessionToken);
  const others = sessions.filter((s) => !s.current).length;
  return (
    <UserShell email={user.email} signOut={signOutAction}>
      <main className="mx-auto max-w-5xl space-y-6 px-4 py-10">
        <div>
          <Link href="/account" className="text-sm text-blue-700 hover:underline">
            ← Your account
          </Link>
          <h1 className="mt-2 text-2xl font-semibold">Sessions</h1>
          <p className="mt-1 text-sm text-slate-600">
            Every browser signed in to your account. Sign out any you do not recognize, then change your password.
          </p>
        </div>
        <DataTable label="Sessions" columns={["Device", "IP address", "Sign-in method", "Signed in", "Last seen", ""]}>
          {sessions.map((session) => (
            <tr key={session.id} data-testid="session-row">
              <td className="px-4 py-3">
                <span className="font-medium text-slate-900">{session.device}</span>{" "}
                {session.current ? <Badge tone="green">This browser</Badge> : null}{" "}
                {session.secondFactorPending ? <Badge tone="amber">Awaiting two-factor code</Badge> : null}
              </td>
              <td className="px-4 py-3 font-mono text-xs">{session.ipAddress ?? "Unknown"}</td>
              <td className="px-4 py-3">{METHODS[session.method]}</td>
              <td className="px-4 py-3 whitespace-nowrap">{formatDateTime(session.createdAt)}</td>
              <td className="px-4 py-3 whitespace-nowrap">{formatDateTime(session.lastSeenAt)}</td>
              <td className="px-4 py-3 text-right">
                {session.current ? null : <RevokeSessionButton sessionId={session.id} device={session.device} />}
              </td>
            </tr>
          ))}
        </DataTable>
        <Card
          title="Sign out everywhere else"
          description={others ? `Ends the ${others} other session${others === 1 ? "" : "s"}; this browser stays signed in.` : "No other browser is signed in."}
        >
          <RevokeOtherSessionsButton disabled={others === 0} />
        </Card>
      </main>
    </UserShell>
  );
}
