import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { MailboxStatus } from "@/lib/db/generated/prisma/enums";

/** Each status says what the last Test Connection proved, and what it did not. */
const look: Record<MailboxStatus, { tone: BadgeTone; label: string; meaning: string }> = {
  UNTESTED: { tone: "neutral", label: "Untested", meaning: "No Test Connection has run yet." },
  READY: {
    tone: "blue",
    label: "Ready — sending not tested",
    meaning: "The last test was a dry run: the token, its permissions and the mailbox passed, but no mail was sent, so sending was not tested.",
  },
  HEALTHY: {
    tone: "green",
    label: "Healthy — sent",
    meaning: "The last test sent a message and Microsoft accepted it; where the app may read the mailbox, no bounce came back while forge365 looked.",
  },
  FAILING: { tone: "red", label: "Failing", meaning: "The last Test Connection failed; its diagnosis says why." },
  RECONNECT_REQUIRED: { tone: "amber", label: "Reconnect required", meaning: "Microsoft refused the mailbox's saved sign-in." },
};

export const mailboxStatusLabels = Object.fromEntries(Object.entries(look).map(([k, v]) => [k, v.label])) as Record<MailboxStatus, string>;

export function mailboxStatusMeaning(status: MailboxStatus): string {
  return look[status].meaning;
}

export function MailboxStatusBadge({ status }: { status: MailboxStatus }) {
  return (
    <Badge tone={look[status].tone} title={look[status].meaning}>
      {look[status].label}
    </Badge>
  );
}
