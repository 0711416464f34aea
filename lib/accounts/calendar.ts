import { createEvent } from "ics";
import { formatDateTime, type DateTimePreferences } from "@/lib/format/datetime";
import { zonedInstant } from "@/lib/format/zoned";
import { appUrl } from "@/lib/env";

/** Reminders go off at this wall-clock hour in the workspace's time zone, so they land in working hours. */
export const REMINDER_HOUR = 9;
export const REMINDER_DAYS_BEFORE = [14, 7] as const;

export interface SecretCalendarInput {
  workspace: { name: string; slug: string } & DateTimePreferences;
  account: { id: string; label: string; tenant: string; clientId: string; secretExpiresOn: Date };
}

/** When each reminder goes off: 09:00 in the workspace's zone, 14 and 7 days before the expiry date. */
export function reminderInstants(expiresOn: Date, timeZone: string) {
  return REMINDER_DAYS_BEFORE.map((days) => {
    const day = new Date(expiresOn.getTime() - days * 86_400_000);
    return zonedInstant({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: REMINDER_HOUR, minute: 0 }, timeZone);
  });
}

/**
 * An all-day event on the day a client secret expires, with reminders before it and the rotation
 * steps in its description. It names the workspace, the account and the app, never the secret.
 */
export function secretExpiryCalendar({ workspace, account }: SecretCalendarInput): string {
  const expires = account.secretExpiresOn;
  const accountUrl = `${appUrl()}/w/${workspace.slug}/accounts/${account.id}`;
  const reminders = reminderInstants(expires, workspace.timeZone);
  const description = [
    `The client secret of "${account.label}" in the forge365 workspace "${workspace.name}" expires today. Every mailbox that sends through this app registration stops when it does.`,
    "",
    "To rotate it:",
    `1. In the Microsoft Entra admin center, open App registrations, then the app with Application (client) ID ${account.clientId} (tenant ${account.tenant}).`,
    "2. Under Certificates & secrets, choose New client secret, and copy its Value (not the Secret ID) while it is shown.",
    `3. In forge365, open ${accountUrl} and use Replace secret: the new value is tested with Microsoft before it replaces the old one.`,
    "4. Back in Entra, delete the old secret.",
    "",
    `Reminders: ${reminders.map((r) => formatDateTime(r, workspace)).join(" and ")}.`,
  ].join("\n");
  const { error, value } = createEvent({
    productId: "forge365",
    uid: `secret-${account.id}-${expires.toISOString().slice(0, 10)}@forge365`,
    title: `Client secret expires: ${account.label} (${workspace.name})`,
    description,
    url: accountUrl,
    start: [expires.getUTCFullYear(), expires.getUTCMonth() + 1, expires.getUTCDate()],
    duration: { days: 1 },
    transp: "TRANSPARENT",
    categories: ["forge365"],
    alarms: reminders.map((instant, i) => ({
      action: "display" as const,
      description: `The client secret of ${account.label} (${workspace.name}) expires in ${REMINDER_DAYS_BEFORE[i]} days.`,
      trigger: instant.getTime(),
    })),
  });
  if (error || !value) throw error ?? new Error("The calendar file could not be written.");
  return value;
}
