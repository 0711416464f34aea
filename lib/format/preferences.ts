import { z } from "zod";
import { LOCALES, type LocaleValue } from "./locales";

export function timeZones(): string[] {
  // UTC is not in every runtime's list, yet it is the default and what most servers log in.
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

export const localeSchema = z.enum(
  LOCALES.map((l) => l.value) as [LocaleValue, ...LocaleValue[]],
  { error: "Choose a date and time format from the list." },
);

export const timeZoneSchema = z
  .string({ error: "Choose a time zone." })
  .trim()
  .min(1, "Choose a time zone.")
  .refine((zone) => timeZones().includes(zone), "Choose a time zone from the list, such as Europe/London or America/New_York.");

