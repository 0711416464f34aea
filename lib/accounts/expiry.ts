/** How close a client secret is to expiring, in the steps the dashboard warns at. */
export type ExpiryLevel = "ok" | "within30" | "within14" | "within7" | "expired";

export function secretExpiry(expiresOn: Date, today: Date) {
  const days = Math.round((expiresOn.getTime() - today.getTime()) / 86_400_000);
  const level: ExpiryLevel = days < 0 ? "expired" : days <= 7 ? "within7" : days <= 14 ? "within14" : days <= 30 ? "within30" : "ok";
  return { days, level };
}
