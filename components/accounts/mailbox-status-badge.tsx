import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { MailboxStatus } from "@/lib/db/generated/prisma/enums";

const look: Record<MailboxStatus, { tone: BadgeTone; label: string }> = {
  UNTESTED: { tone: "neutral", label: "Untested" },
  HEALTHY: { tone: "green", label: "Healthy" },
  FAILING: { tone: "red", label: "Failing" },
  RECONNECT_REQUIRED: { tone: "amber", label: "Reconnect required" },
};

export const mailboxStatusLabels = Object.fromEntries(Object.entries(look).map(([k, v]) => [k, v.label])) as Record<MailboxStatus, string>;

export function MailboxStatusBadge({ status }: { status: MailboxStatus }) {
  return <Badge tone={look[status].tone}>{look[status].label}</Badge>;
}
