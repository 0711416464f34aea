import { Badge, type BadgeTone } from "@/components/ui/badge";
import { expiryText, secretExpiryIn, type ExpiryLevel } from "@/lib/accounts/expiry";
import { type DateTimePreferences, formatDate } from "@/lib/format/datetime";

const tone: Record<ExpiryLevel, BadgeTone> = { ok: "green", within30: "amber", within14: "amber", within7: "red", expired: "red" };

/** The expiry is a calendar date (stored as UTC midnight): written in the workspace's format, never shifted by its zone. */
export function SecretExpiryBadge({ expiresOn, prefs }: { expiresOn: Date; prefs: DateTimePreferences }) {
  const expiry = secretExpiryIn(expiresOn, prefs.timeZone);
  return (
    <span className="inline-flex items-center gap-2" data-testid="secret-expiry" data-level={expiry.level}>
      <span className="text-sm text-slate-700">{formatDate(expiresOn, { ...prefs, timeZone: "UTC" })}</span>
      <Badge tone={tone[expiry.level]}>{expiryText(expiry)}</Badge>
    </span>
  );
}
