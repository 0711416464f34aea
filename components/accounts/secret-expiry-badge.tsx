import { Badge, type BadgeTone } from "@/components/ui/badge";
import { secretExpiry, type ExpiryLevel } from "@/lib/accounts/expiry";
import { todayIn } from "@/lib/format/date-input";
import { formatDate, US_DEFAULTS } from "@/lib/format/datetime";

const tone: Record<ExpiryLevel, BadgeTone> = { ok: "green", within30: "amber", within14: "amber", within7: "red", expired: "red" };

export function SecretExpiryBadge({ expiresOn }: { expiresOn: Date }) {
  const { days, level } = secretExpiry(expiresOn, todayIn(US_DEFAULTS.timeZone));
  const text =
    level === "expired" ? "Expired" : days === 0 ? "Expires today" : level === "ok" ? "OK" : `Expires in ${days} day${days === 1 ? "" : "s"}`;
  return (
    <span className="inline-flex items-center gap-2" data-testid="secret-expiry">
      <span className="text-sm text-slate-700">{formatDate(expiresOn, { ...US_DEFAULTS, timeZone: "UTC" })}</span>
      <Badge tone={tone[level]}>{text}</Badge>
    </span>
  );
}
