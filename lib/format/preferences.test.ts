import { describe, expect, it } from "vitest";
import { secretExpirySchema } from "@/lib/accounts/schemas";
import { datePattern, formatDateInput, parseDateInput } from "./date-input";
import { formatDate, formatDateTime } from "./datetime";
import { LOCALES } from "./locales";
import { localeSchema, timeZoneSchema, timeZones } from "./preferences";

const instant = new Date("2027-03-22T16:05:00Z");

describe("workspace date and time preferences", () => {
  it.each([
    ["en-US", "UTC", "03/22/2027", "03/22/2027, 4:05 PM UTC", "MM/DD/YYYY"],
    ["en-GB", "Europe/London", "22/03/2027", "22/03/2027, 16:05 GMT", "DD/MM/YYYY"],
    ["de-DE", "Europe/Berlin", "22.03.2027", "22.03.2027, 17:05 MEZ", "DD.MM.YYYY"],
    ["fr-FR", "Europe/Paris", "22/03/2027", "22/03/2027 17:05 UTC+1", "DD/MM/YYYY"],
  ])("%s in %s writes %s and %s, and reads what it writes", (locale, timeZone, date, dateTime, pattern) => {
    const prefs = { locale, timeZone };
    expect(formatDate(instant, prefs)).toBe(date);
    expect(formatDateTime(instant, prefs)).toBe(dateTime);
    expect(datePattern(locale)).toBe(pattern);
    const calendarDay = new Date(Date.UTC(2027, 2, 22));
    expect(parseDateInput(formatDateInput(calendarDay, prefs), prefs)).toEqual(calendarDay);
  });

  it("reads a typed date in the workspace's order and judges 'already expired' in its zone", () => {
    const now = new Date("2027-03-22T23:30:00Z"); // already the 23rd in Berlin
    expect(secretExpirySchema({ locale: "en-GB", timeZone: "UTC" }, now).parse("23/03/2027")).toEqual(new Date(Date.UTC(2027, 2, 23)));
    expect(secretExpirySchema({ locale: "en-US", timeZone: "UTC" }, now).safeParse("23/03/2027").error?.issues[0].message).toBe("Enter the date as MM/DD/YYYY.");
    expect(secretExpirySchema({ locale: "en-GB", timeZone: "UTC" }, now).safeParse("22/03/2027").success).toBe(true);
    expect(secretExpirySchema({ locale: "en-GB", timeZone: "Europe/Berlin" }, now).safeParse("22/03/2027").error?.issues[0].message).toMatch(/already expired/);
  });

  it("offers every time zone the runtime knows, UTC included, and refuses anything else", () => {
    expect(timeZones()).toEqual(expect.arrayContaining(["UTC", "Europe/Berlin", "America/New_York", "Australia/Sydney"]));
    expect(timeZoneSchema.safeParse("Mars/Olympus_Mons").success).toBe(false);
    expect(localeSchema.options).toEqual(LOCALES.map((l) => l.value));
  });
});
