import type { DateTimePreferences } from "./datetime";
import { dateTimeFormat } from "./intl";

/** Germany writes dates with dots; the parser takes any of / . - whatever the locale. */
function separatorOf(locale: string) {
  return locale === "de-DE" ? "." : "/";
}

/** How a date is typed in this locale: MM/DD/YYYY in the US, DD/MM/YYYY (DD.MM.YYYY in Germany) elsewhere. */
export function datePattern(locale: string) {
  const s = separatorOf(locale);
  return locale === "en-US" ? "MM/DD/YYYY" : `DD${s}MM${s}YYYY`;
}

/**
 * Reads a date typed in the workspace's format into a calendar date (UTC midnight). ISO dates
 * (YYYY-MM-DD, what a browser date picker sends) are accepted too. Returns null for anything else,
 * including impossible dates such as 02/30/2027.
 */
export function parseDateInput(text: string, prefs: Pick<DateTimePreferences, "locale">): Date | null {
  const value = text.trim();
  let year: number, month: number, day: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (local && prefs.locale === "en-US") [month, day, year] = [Number(local[1]), Number(local[2]), Number(local[3])];
  else if (local) [day, month, year] = [Number(local[1]), Number(local[2]), Number(local[3])];
  else return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}

/** A calendar date back into the format the user types. */
export function formatDateInput(date: Date, prefs: Pick<DateTimePreferences, "locale">) {
  const mm = String(date.getUTCMonth() + 1).padStart(2, "0");
  const dd = String(date.getUTCDate()).padStart(2, "0");
  const yyyy = date.getUTCFullYear();
  const s = separatorOf(prefs.locale);
  return prefs.locale === "en-US" ? `${mm}/${dd}/${yyyy}` : `${dd}${s}${mm}${s}${yyyy}`;
}

/** Today's calendar date in a time zone, as UTC midnight, for comparing with parsed dates. */
export function todayIn(timeZone: string, now = new Date()) {
  const parts = dateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  return new Date(`${parts}T00:00:00Z`);
}
