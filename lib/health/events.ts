import { expiryText, type ExpiryLevel } from "@/lib/accounts/expiry";
import { formatDate, type DateTimePreferences } from "@/lib/format/datetime";
import type { WorkspaceEvent } from "@/lib/notifications/notify";

export interface CheckedAccount {
  id: string;
  label: string;
  tenant: string;
  clientId: string;
  secretExpiresOn: Date;
  workspace: { slug: string } & DateTimePreferences;
}

export interface MailboxFailure {
  mailbox: string;
  code: string | null;
  title: string | null;
}

function accountFacts(account: CheckedAccount) {
  return { id: account.id, label: account.label, tenant: account.tenant, clientId: account.clientId };
}

const hrefOf = (account: CheckedAccount) => `/w/${account.workspace.slug}/accounts/${account.id}`;

export function failingEvent(account: CheckedAccount, failures: MailboxFailure[], total: number): WorkspaceEvent {
  const listed = failures.slice(0, 5).map((f) => `${f.mailbox}: ${f.title ?? f.code ?? "failed"}`);
  const more = failures.length > listed.length ? ` and ${failures.length - listed.length} more` : "";
  return {
    kind: "account.failing",
    title: `${account.label}: the scheduled check failed`,
    body: `${failures.length} of ${total} mailbox${total === 1 ? "" : "es"} failed: ${listed.join("; ")}${more}. forge365 checks again soon.`,
    href: hrefOf(account),
    data: { account: accountFacts(account), health: "FAILING", mailboxes: total, failures: failures.slice(0, 50).map((f) => ({ ...f })) },
  };
}

export function recoveredEvent(account: CheckedAccount, total: number): WorkspaceEvent {
  return {
    kind: "account.recovered",
    title: `${account.label}: healthy again`,
    // The scheduled check is a dry run: it proves the token, permissions and mailboxes, not that mail goes out.
    body: `All ${total} mailbox${total === 1 ? "" : "es"} passed the scheduled check, a dry run: sending was not tested.`,
    href: hrefOf(account),
    data: { account: accountFacts(account), health: "HEALTHY", mailboxes: total },
  };
}

export function expiryEvent(account: CheckedAccount, expiry: { days: number; level: ExpiryLevel }): WorkspaceEvent {
  const date = formatDate(account.secretExpiresOn, { ...account.workspace, timeZone: "UTC" });
  const expired = expiry.level === "expired";
  return {
    kind: expired ? "secret.expired" : "secret.expiring",
    title: expired ? `${account.label}: client secret expired` : `${account.label}: client secret expires in ${expiry.days} day${expiry.days === 1 ? "" : "s"}`,
    body: expired
      ? `The client secret expired on ${date}: no mailbox of this app can send until it is replaced. Create a new secret in Entra and replace it here.`
      : `${expiryText(expiry)} (${date}). Create a new secret in Entra and replace it here before then.`,
    href: hrefOf(account),
    data: { account: accountFacts(account), secretExpiresOn: account.secretExpiresOn.toISOString().slice(0, 10), daysLeft: expiry.days },
  };
}
