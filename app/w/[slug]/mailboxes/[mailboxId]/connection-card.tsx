import { ConnectFailure } from "@/components/delegated/connect-failure";
import { RedirectUriSetup } from "@/components/delegated/redirect-uri";
import { DiagnosisPanel } from "@/components/connection-checks/diagnosis-panel";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { unfinishedSignIn } from "@/lib/delegated/oauth-state";
import { redirectUri } from "@/lib/delegated/redirect-uri";
import { type DateTimePreferences, formatDateTime } from "@/lib/format/datetime";
import { diagnose } from "@/lib/microsoft/catalog";
import { connectErrorCode } from "@/lib/delegated/schemas";
import { ConnectButton, DisconnectButton } from "../connection-forms";

interface Props {
  slug: string;
  userId: string;
  canConnect: boolean;
  mailbox: { id: string; address: string; status: string; connectedAs: string | null; connectedAt: Date | null; reconnectReason: string | null };
  /** The page's query: `connected` or `connectError` after a round trip through Microsoft. */
  outcome: { connected?: unknown; connectError?: unknown };
  prefs: DateTimePreferences;
}

/** A delegated mailbox's sign-in: who connected it, what Microsoft last said, and Connect / Reconnect / Disconnect. */
export async function ConnectionCard({ slug, userId, canConnect, mailbox, outcome, prefs }: Props) {
  const connected = mailbox.connectedAt !== null;
  const error = connectErrorCode.safeParse(outcome.connectError);
  // Microsoft stops a sign-in with an unregistered redirect URI on its own page and never comes back.
  const stranded = !connected && !error.success && (await unfinishedSignIn(mailbox.id, userId));
  const ref = { slug, mailboxId: mailbox.id, address: mailbox.address };
  return (
    <Card title="Microsoft sign-in" description="This account uses delegated permissions: forge365 sends as this mailbox with its owner's one-time sign-in.">
      <div className="space-y-4" data-testid="connection">
        {outcome.connected === "1" && connected ? (
          <Alert tone="success">Connected as {mailbox.connectedAs}. Run Test Connection to prove it can send.</Alert>
        ) : null}
        {error.success ? <ConnectFailure code={error.data} /> : null}
        {mailbox.status === "RECONNECT_REQUIRED" ? (
          <Alert tone="warning">Reconnect required: Microsoft refused the saved sign-in ({mailbox.reconnectReason}).</Alert>
        ) : null}
        {stranded ? (
          <div className="space-y-3">
            <Alert tone="warning">
              Your last sign-in for this mailbox did not come back to forge365. If Microsoft showed error AADSTS50011, register
              the redirect URI below on the app registration, then connect again.
            </Alert>
            <DiagnosisPanel diagnosis={diagnose("AADSTS50011", { step: "authorize" })} />
            <RedirectUriSetup uri={redirectUri()} />
          </div>
        ) : null}
        <p className="text-sm text-slate-700" data-testid="connection-state">
          {connected && mailbox.connectedAt
            ? `Connected as ${mailbox.connectedAs} since ${formatDateTime(mailbox.connectedAt, prefs)}.`
            : "Not connected: nobody has signed in for this mailbox yet."}
        </p>
        {canConnect ? (
          <div className="flex flex-wrap items-start gap-3">
            <ConnectButton {...ref} label={connected ? "Reconnect" : "Connect with Microsoft"} />
            {connected ? <DisconnectButton {...ref} /> : null}
          </div>
        ) : (
          <p className="text-sm text-slate-500">Members and above can connect mailboxes.</p>
        )}
      </div>
    </Card>
  );
}
