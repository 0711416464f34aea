import { describe, expect, it } from "vitest";
import { zonedInstant } from "@/lib/format/zoned";
import { CANARY_SECRET } from "@/tests/helpers/factories";
import { secretExpiryCalendar } from "./calendar";

/** Just enough of RFC 5545 to read back what was written: unfold lines, then group components. */
function parseIcs(text: string) {
  const lines = text.replace(/\r\n[ \t]/g, "").split("\r\n").filter(Boolean);
  const components: Array<{ type: string; props: Record<string, string> }> = [];
  const stack: Array<{ type: string; props: Record<string, string> }> = [];
  for (const line of lines) {
    const [key, ...rest] = line.split(":");
    const value = rest.join(":");
    if (key === "BEGIN") stack.push({ type: value, props: {} });
    else if (key === "END") components.push(stack.pop()!);
    else stack[stack.length - 1].props[key] = value;
  }
  return components;
}

const icsInstant = (value: string) => new Date(value.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z"));

function calendar(timeZone: string, expires: string) {
  return secretExpiryCalendar({
    workspace: { name: "Acme Outreach", slug: "acme-outreach", locale: "en-GB", timeZone },
    account: { id: "acc123", label: "Contoso", tenant: "contoso.onmicrosoft.com", clientId: "00001111-aaaa-2222-bbbb-3333cccc4444", secretExpiresOn: new Date(`${expires}T00:00:00Z`) },
  });
}

describe("the secret expiry calendar file", () => {
  it("parses: one all-day event on the expiry date, naming the workspace, the account and the rotation steps", () => {
    const text = calendar("Europe/Berlin", "2027-04-05");
    const parsed = parseIcs(text);
    expect(parsed.map((c) => c.type)).toEqual(["VALARM", "VALARM", "VEVENT", "VCALENDAR"]);
    const event = parsed.find((c) => c.type === "VEVENT")!.props;
    expect(event["DTSTART;VALUE=DATE"]).toBe("20270405");
    expect(event.SUMMARY).toBe("Client secret expires: Contoso (Acme Outreach)");
    expect(event.UID).toBe("secret-acc123-2027-04-05@forge365");
    const description = event.DESCRIPTION.replaceAll("\\n", "\n").replaceAll("\\,", ",");
    expect(description).toMatch(/Acme Outreach/);
    expect(description).toMatch(/Certificates & secrets/);
    expect(description).toMatch(/Replace secret/);
    expect(description).toMatch(/00001111-aaaa-2222-bbbb-3333cccc4444/);
    expect(description).toMatch(/Reminders: 22\/03\/2027, 09:00 CET and 29\/03\/2027, 09:00 CEST/);
  });

  it.each([
    // Berlin moves to summer time on 28 March: 09:00 is 08:00 UTC before, 07:00 UTC after.
    ["Europe/Berlin", "2027-04-05", ["2027-03-22T08:00:00Z", "2027-03-29T07:00:00Z"]],
    // New York leaves daylight time on 7 November.
    ["America/New_York", "2027-11-15", ["2027-11-01T13:00:00Z", "2027-11-08T14:00:00Z"]],
    ["UTC", "2027-01-20", ["2027-01-06T09:00:00Z", "2027-01-13T09:00:00Z"]],
    ["Asia/Kolkata", "2027-06-30", ["2027-06-16T03:30:00Z", "2027-06-23T03:30:00Z"]],
  ])("in %s, reminders go off at 09:00 local time 14 and 7 days before %s", (timeZone, expires, expected) => {
    const alarms = parseIcs(calendar(timeZone, expires)).filter((c) => c.type === "VALARM");
    expect(alarms.map((a) => icsInstant(a.props["TRIGGER;VALUE=DATE-TIME"]).toISOString().replace(".000", ""))).toEqual(expected);
    expect(alarms.map((a) => a.props.ACTION)).toEqual(["DISPLAY", "DISPLAY"]);
  });

  it("never holds a secret", () => {
    const text = calendar("UTC", "2027-01-20");
    expect(text).not.toContain(CANARY_SECRET);
    expect(text).not.toMatch(/secret value|whsec_/i);
  });
});

describe("wall-clock time in a zone", () => {
  it("lands a time skipped by the spring change an hour later, and settles both sides of the autumn change", () => {
    expect(zonedInstant({ year: 2027, month: 3, day: 28, hour: 2, minute: 30 }, "Europe/Berlin").toISOString()).toBe("2027-03-28T01:30:00.000Z");
    expect(zonedInstant({ year: 2027, month: 10, day: 30, hour: 9, minute: 0 }, "Europe/Berlin").toISOString()).toBe("2027-10-30T07:00:00.000Z");
    expect(zonedInstant({ year: 2027, month: 11, day: 1, hour: 9, minute: 0 }, "Europe/Berlin").toISOString()).toBe("2027-11-01T08:00:00.000Z");
  });
});
