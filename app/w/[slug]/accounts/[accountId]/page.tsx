import type { Metadata } from "next";
import Link from "next/link";
import { TestAllForm } from "@/components/connection-checks/test-all-form";
import { notFound } from "next/navigation";
import { MailboxStatusBadge } from "@/components/accounts/mailbox-status-badge";
import { SecretExpiryBadge } from "@/components/accounts/secret-expiry-badge";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { findAccount } from "@/lib/accounts/accounts";
import { cloudLabel } from "@/lib/accounts/microsoft-app";
import { listMailboxes } from "@/lib/accounts/mailboxes";
import { currentTokenTimes } from "@/lib/connection-checks/token-cache";
import { datePattern, formatDateInput } from "@/lib/format/date-input";
import { formatDateTime } from "@/lib/format/datetime";
import { workspacePage } from "@/lib/workspaces/page-guard";
import { hasRole } from "@/lib/workspaces/roles";
import { RedirectUriSetup } from "@/components/delegated/redirect-uri";
import { redirectUri } from "@/lib/delegated/redirect-uri";
import { ConnectButton } from "../../mailboxes/connection-forms";
import { AddMailboxesForm, DeleteAccountForm, EditAccountForm, RemoveMailboxButton, ReplaceSecretForm } from "./account-forms";

export const metadata: Metadata = { title: "Microsoft 365 account" };

export default async function AccountPage({ params, searchParams }: PageProps<"/w/[slug]/accounts/[accountId]">) {
  const { slug, accountId } = await params;
  const { added } = await searchParams;
  const { workspace, role, user } = await workspacePage(slug);
  const account = await findAccount(workspace.id, accountId);
  if (!account) notFound();
  const [mailboxes, token] = await Promise.all([listMailboxes(workspace.id, { accountId: account.id }), currentTokenTimes(account.id)]);
  const ref = { slug: workspace.slug, accountId: account.id };
  const isMember = hasRole(role, "MEMBER");
  const isAdmin = hasRole(role, "ADMIN");
  const pattern = datePattern(workspace.locale);
  const delegated = account.permissionMode === "DELEGATED";

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{account.label}</h1>
      {added ? (
        <Alert tone="success">
          Account added with {String(added)} mailbox{added === "1" ? "" : "es"}. Next, run Test Connection on a mailbox to prove it can send.
        </Alert>
      ) : null}
      <Card title="App registration">
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <Detail term="Cloud">{cloudLabel(account.cloud)}</Detail>
          <Detail term="Permission mode">{account.permissionMode === "APPLICATION" ? "Application (client credentials)" : "Delegated"}</Detail>
          <Detail term="Directory (tenant) ID"><span className="font-mono text-xs">{account.tenant}</span></Detail>
          <Detail term="Application (client) ID"><span className="font-mono text-xs">{account.clientId}</span></Detail>
          <Detail term="Client secret">
            <span className="font-mono" data-testid="secret-hint">{`${account.clientSecretHint}••••••••`}</span>
            <span className="ml-2 text-xs text-slate-500">set {formatDateTime(account.secretReplacedAt, workspace)}</span>
          </Detail>
          <Detail term="Secret expires"><SecretExpiryBadge expiresOn={account.secretExpiresOn} prefs={workspace} /> <a href={`/w/${workspace.slug}/accounts/${account.id}/calendar.ics`} className="ml-2 text-xs font-semibold text-blue-700 hover:underline" download>Add to calendar</a></Detail>
          <Detail term="Current token">
            {token?.tokenAcquiredAt && token.tokenExpiresAt
              ? `Acquired ${formatDateTime(token.tokenAcquiredAt, workspace)}, expires ${formatDateTime(token.tokenExpiresAt, workspace)}`
              : "None cached yet: the first Test all or send acquires one."}
          </Detail>
        </dl>
      </Card>

      {delegated ? (
        <Card title="Redirect URI" description="Each mailbox owner signs in on Microsoft's page, which sends them back here. Register this exact address on the app registration first.">
          <RedirectUriSetup uri={redirectUri()} />
        </Card>
      ) : null}

      <Card title={`Mailboxes (${mailboxes.total})`}>
        {isMember ? (
          <div className="mb-4 border-b border-slate-100 pb-4">
            <TestAllForm slug={workspace.slug} accountId={account.id} defaultRecipient={user.email} count={mailboxes.total} />
          </div>
        ) : null}
        <ul className="divide-y divide-slate-100">
          {mailboxes.rows.map((m) => (
            <li key={m.id} className="flex items-center justify-between gap-3 py-2" data-testid="mailbox-row">
              <Link href={`/w/${workspace.slug}/mailboxes/${m.id}`} className="font-mono text-sm text-blue-700 hover:underline">
                {m.address}
              </Link>
              <span className="flex items-center gap-3">
                <MailboxStatusBadge status={m.status} />
                {delegated ? <MailboxSignIn slug={workspace.slug} mailbox={m} canConnect={isMember} /> : null}
                <Link href={`/w/${workspace.slug}/mailboxes/${m.id}`} className="rounded-md px-2 py-1 text-xs font-semibold ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
                  Test Connection
                </Link>
                {isAdmin ? <RemoveMailboxButton slug={workspace.slug} mailboxId={m.id} address={m.address} /> : null}
              </span>
            </li>
          ))}
        </ul>
        {mailboxes.pageCount > 1 ? (
          <p className="mt-2 text-xs text-slate-500">Showing the first {mailboxes.rows.length}; see all on the Mailboxes page.</p>
        ) : null}
        {isMember ? <div className="mt-4 border-t border-slate-100 pt-4"><AddMailboxesForm {...ref} /></div> : null}
      </Card>

      {isAdmin ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="Replace secret" description="Paste the Value of a new client secret. The old one is discarded at once.">
            <ReplaceSecretForm {...ref} datePattern={pattern} />
          </Card>
          <Card title="Edit">
            <EditAccountForm {...ref} label={account.label} expires={formatDateInput(account.secretExpiresOn, workspace)} datePattern={pattern} />
          </Card>
          <Card title="Delete account" className="lg:col-span-2">
            <DeleteAccountForm {...ref} label={account.label} mailboxCount={account._count.mailboxes} />
          </Card>
        </div>
      ) : null}
    </div>
  );
}

/** A delegated mailbox's row: not yet connected offers Connect right there. */
function MailboxSignIn({ slug, mailbox, canConnect }: { slug: string; mailbox: { id: string; address: string; connectedAt: Date | null }; canConnect: boolean }) {
  if (mailbox.connectedAt) return <span className="text-xs text-slate-500">Connected</span>;
  if (!canConnect) return <span className="text-xs text-slate-500">Not connected</span>;
  return <ConnectButton slug={slug} mailboxId={mailbox.id} address={mailbox.address} label="Connect with Microsoft" />;
}

function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{term}</dt>
      <dd className="mt-0.5">{children}</dd>
    </div>
  );
}
