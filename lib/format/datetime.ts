import { dateTimeFormat } from "./intl";

/**
 * The one place dates and times become text. Workspace preferences feed in
 * here; the default is US: MM/DD/YYYY and the 12-hour clock.
 */
export interface DateTimePreferences {
  locale: string;
  timeZone: string;
}

export const US_DEFAULTS: DateTimePreferences = { locale: "en-US", timeZone: "UTC" };

export function formatDate(date: Date, prefs: DateTimePreferences = US_DEFAULTS) {
  return dateTimeFormat(prefs.locale, { timeZone: prefs.timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

export function formatDateTime(date: Date, prefs: DateTimePreferences = US_DEFAULTS) {
  return dateTimeFormat(prefs.locale, {
    timeZone: prefs.timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "numeric",
    minute: "2-digit",
    hour12: prefs.locale === "en-US" ? true : undefined,
    timeZoneName: "short",
  }).format(date);
}
