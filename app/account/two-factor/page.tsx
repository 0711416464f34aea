import type { Metadata } from "next";
import Link from "next/link";
import { signOutAction } from "@/app/(auth)/actions";
import { Card } from "@/components/ui/card";
import { UserShell } from "@/components/workspaces/user-shell";
import { requireUser } from "@/lib/auth/current-user";
import { twoFactorState } from "@/lib/auth/two-factor/enrolment";
import { qrCodeDataUrl } from "@/lib/auth/two-factor/qr-code";
import { totpUri } from "@/lib/auth/two-factor/totp";
import { formatDate } from "@/lib/format/datetime";
import { ConfirmEnrolmentForm, RegenerateRecoveryCodesForm, TurnOffForm } from "./two-factor-forms";

export const metadata: Metadata = { title: "Two-factor sign-in" };

export default async function TwoFactorPage() {
  const user = await requireUser("/account/two-factor");
  const state = await twoFactorState(user.id);
  return (
    <UserShell email={user.email} signOut={signOutAction}>
      <main className="mx-auto max-w-3xl space-y-6 px-4 py-10">
        <p className="text-sm">
          <Link href="/account" className="text-blue-700 hover:underline">
            ← Your account
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Two-factor sign-in</h1>
        {state.enabled ? (
          <>
            <Card title="Two-factor sign-in is on" description="Signing in asks for a code from your authenticator app after your password.">
              <p className="text-sm text-slate-700">
                On since {formatDate(state.enabledAt)}. Recovery codes left: <strong data-testid="recovery-codes-left">{state.unusedRecoveryCodes}</strong> of 10.
              </p>
            </Card>
            <Card title="New recovery codes" description="Makes ten new codes; the old ones, used or not, stop working at once.">
              <RegenerateRecoveryCodesForm />
            </Card>
            <Card title="Turn off two-factor sign-in" description="Your password alone will sign you in again. Workspaces that require two-factor sign-in will not open until you turn it back on.">
              <TurnOffForm />
            </Card>
          </>
        ) : (
          <EnrolmentCard email={user.email} secret={state.pendingSecret} />
        )}
      </main>
    </UserShell>
  );
}

/** The secret appears here only, and only until it is confirmed. */
async function EnrolmentCard({ email, secret }: { email: string; secret: string }) {
  const qrCode = await qrCodeDataUrl(totpUri(secret, email));
  return (
    <Card title="Set up two-factor sign-in" description="After your password, signing in will ask for a six-digit code from an authenticator app on your phone (Microsoft Authenticator, Google Authenticator, 1Password…).">
      <ol className="list-decimal space-y-4 pl-5 text-sm text-slate-700">
        <li>
          In your authenticator app, add an account and scan this QR code.
          {/* A data: URL drawn on the server: nothing else is fetched. */}
          <img src={qrCode} alt="QR code to scan with your authenticator app" width={192} height={192} className="mt-2 rounded ring-1 ring-slate-200" />
        </li>
        <li>
          Can’t scan it? Enter this key instead (time-based, 6 digits, every 30 seconds):
          <code data-testid="totp-secret" className="mt-2 block break-all rounded bg-slate-100 px-3 py-2 font-mono text-base tracking-wider text-slate-900">
            {secret.match(/.{1,4}/g)!.join(" ")}
          </code>
        </li>
        <li>Enter the code the app shows, and your password, to turn it on.</li>
      </ol>
      <div className="mt-4">
        <ConfirmEnrolmentForm />
      </div>
    </Card>
  );
}
