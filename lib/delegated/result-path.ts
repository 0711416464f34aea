import type { ConnectOutcome } from "./callback";

/**
 * Where the browser lands after Connect: the mailbox's page with the outcome, or, when nothing says
 * which mailbox it was (a stale or forged state), a page that shows only the diagnosis.
 */
export function connectResultPath(outcome: ConnectOutcome): string {
  if (outcome.status === "connected") return `/w/${outcome.slug}/mailboxes/${outcome.mailboxId}?connected=1`;
  const code = encodeURIComponent(outcome.code);
  if (!outcome.slug || !outcome.mailboxId) return `/microsoft/connect-failed?code=${code}`;
  return `/w/${outcome.slug}/mailboxes/${outcome.mailboxId}?connectError=${code}`;
}
