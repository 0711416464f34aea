import { expiryText, secretExpiryIn, type ExpiryLevel } from "@/lib/accounts/expiry";
import { db } from "@/lib/db/client";

export interface AttentionItem {
  kind: "secret" | "reconnect" | "failing";
  /** Lower is more urgent. */
  urgency: number;
  severity: "critical" | "warning";
  accountId: string;
  title: string;
  detail: string;
  href: string;
}

/**
 * An expired secret stops every mailbox of its app at once, so it leads; mailboxes that need a
 * person to sign in again come next, then a secret a week from expiry, then failing mailboxes,
 * then the two- and four-week warnings.
 */
const urgencyOf: Record<ExpiryLevel | "reconnect" | "failing", number> = {
  expired: 0,
  reconnect: 1,
  within7: 2,
  failing: 3,
  within14: 4,
  within30: 5,
  ok: Number.POSITIVE_INFINITY,
};

interface AccountFacts {
  id: string;
  label: string;
  secretExpiresOn: Date;
  /** Mailboxes of this account per status, for the statuses that need attention. */
  failing: number;
  reconnect: number;
}

/** The Needs attention list of one workspace, most urgent first; a pure function of the facts and the clock. */
export function rankAttention(accounts: AccountFacts[], where: { slug: string; timeZone: string }, now = new Date()): AttentionItem[] {
  const items: Array<AttentionItem & { order: number }> = [];
  for (const account of accounts) {
    const href = `/w/${where.slug}/accounts/${account.id}`;
    const expiry = secretExpiryIn(account.secretExpiresOn, where.timeZone, now);
    if (expiry.level !== "ok") {
      items.push({
        kind: "secret",
        urgency: urgencyOf[expiry.level],
        severity: expiry.level === "expired" || expiry.level === "within7" ? "critical" : "warning",
        accountId: account.id,
        title: expiry.level === "expired" ? `${account.label}: client secret expired` : `${account.label}: client secret expires soon`,
        detail: `${expiryText(expiry)}. Create a new secret in Entra and replace it here before every mailbox of this app stops sending.`,
        href,
        order: expiry.days,
      });
    }
    if (account.reconnect > 0) {
      items.push({
        kind: "reconnect",
        urgency: urgencyOf.reconnect,
        severity: "critical",
        accountId: account.id,
        title: `${account.label}: ${account.reconnect} mailbox${account.reconnect === 1 ? "" : "es"} must be connected again`,
        detail: "The mailbox owner's sign-in is no longer valid; ask them to connect with Microsoft again.",
        href,
        order: -account.reconnect,
      });
    }
    if (account.failing > 0) {
      items.push({
        kind: "failing",
        urgency: urgencyOf.failing,
        severity: "warning",
        accountId: account.id,
        title: `${account.label}: ${account.failing} mailbox${account.failing === 1 ? "" : "es"} failing`,
        detail: "The last Test Connection failed; open the mailbox for the diagnosis and the fix.",
        href,
        order: -account.failing,
      });
    }
  }
  return items
    .sort((a, b) => a.urgency - b.urgency || a.order - b.order || a.title.localeCompare(b.title))
    .map(({ order: _order, ...item }) => item);
}

export async function needsAttention(workspace: { id: string; slug: string; timeZone: string }, now = new Date()) {
  const [accounts, counts] = await Promise.all([
    db.appRegistration.findMany({ where: { workspaceId: workspace.id }, select: { id: true, label: true, secretExpiresOn: true }, take: 1_000 }),
    db.mailbox.groupBy({
      by: ["appRegistrationId", "status"],
      where: { workspaceId: workspace.id, status: { in: ["FAILING", "RECONNECT_REQUIRED"] } },
      _count: { _all: true },
    }),
  ]);
  const count = (accountId: string, status: string) => counts.find((c) => c.appRegistrationId === accountId && c.status === status)?._count._all ?? 0;
  return rankAttention(
    accounts.map((a) => ({ ...a, failing: count(a.id, "FAILING"), reconnect: count(a.id, "RECONNECT_REQUIRED") })),
    workspace,
    now,
  );
}
