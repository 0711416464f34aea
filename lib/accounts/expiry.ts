import { todayIn } from "@/lib/format/date-input";

/** How close a client secret is to expiring, in the steps the dashboard warns at. */
export type ExpiryLevel = "ok" | "within30" | "within14" | "within7" | "expired";

export function secretExpiry(expiresOn: Date, today: Date) {
  const days = Math.round((expiresOn.getTime() - today.getTime()) / 86_400_000);
  const level: ExpiryLevel = days < 0 ? "expired" : days <= 7 ? "within7" : days <= 14 ? "within14" : days <= 30 ? "within30" : "ok";
  return { days, level };
}

/** A secret's expiry as the workspace sees it: "today" is the date in its time zone. */
export function secretExpiryIn(expiresOn: Date, timeZone: string, now = new Date()) {
  return secretExpiry(expiresOn, todayIn(timeZone, now));
}

export function expiryText({ days, level }: { days: number; level: ExpiryLevel }) {
  if (level === "expired") return `Expired ${-days} day${days === -1 ? "" : "s"} ago`;
  if (days === 0) return "Expires today";
  if (level === "ok") return "OK";
  return `Expires in ${days} day${days === 1 ? "" : "s"}`;
}

/** The warning each level stands for (30, 14 or 7 days before, 0 once expired); none while ok. */
export const expiryWarningDays: Record<ExpiryLevel, number | null> = { ok: null, within30: 30, within14: 14, within7: 7, expired: 0 };
