import { dateTimeFormat } from "./intl";

/** The offset of a time zone from UTC at an instant, in milliseconds (Europe/Berlin in July: +2 h). */
function offsetAt(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(
    dateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(instant)
      .map((p) => [p.type, Number(p.value)]),
  );
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant a wall clock in a time zone shows a given date and time. Two passes settle the
 * offset on days the clocks change; a time skipped by a spring-forward lands an hour later.
 */
export function zonedInstant(date: { year: number; month: number; day: number; hour: number; minute: number }, timeZone: string) {
  const wall = Date.UTC(date.year, date.month - 1, date.day, date.hour, date.minute);
  let instant = wall - offsetAt(new Date(wall), timeZone);
  instant = wall - offsetAt(new Date(instant), timeZone);
  return new Date(instant);
}
