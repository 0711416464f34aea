import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { formatDateTime } from "@/lib/format/datetime";
import { auditCsvHeader, auditCsvRows } from "./csv";
import type { AuditRow } from "./list";

const prefs = { locale: "en-US", timeZone: "UTC" };
const createdAt = new Date("2027-01-02T03:04:05Z");

function row(overrides: Partial<AuditRow>): AuditRow {
  return {
    id: "evt_1",
    action: "account.added",
    targetType: "AppRegistration",
    targetId: "app_1",
    targetLabel: "Contoso",
    ipAddress: "198.51.100.7",
    metadata: {},
    createdAt,
    actor: { id: "usr_1", email: "owner@example.com" },
    ...overrides,
  };
}

describe("audit CSV", () => {
  it("writes the header bare and every field of a row quoted, empty ones too, lines ending in CRLF", () => {
    expect(auditCsvHeader()).toBe("time_utc,time,action,actor,actor_id,target_type,target_id,target,ip_address,details\r\n");
    expect(auditCsvRows([row({ actor: null, targetId: null, ipAddress: null })], prefs)).toBe(
      `"2027-01-02T03:04:05.000Z","${formatDateTime(createdAt, prefs)}","account.added","system","","AppRegistration","","Contoso","","{}"\r\n`,
    );
    expect(auditCsvRows([], prefs)).toBe("");
  });

  it("reads back as the same rows, whatever the cells hold", () => {
    const tricky = row({ targetLabel: 'Contoso, "EU"\r\nline two', metadata: { mailboxes: ["a@example.com", "b@example.com"], note: 'say "hi"' } });
    const csv = auditCsvHeader() + auditCsvRows([tricky, row({ id: "evt_2", actor: null, targetLabel: null })], prefs);
    expect(parse(csv, { columns: true })).toEqual([
      {
        time_utc: "2027-01-02T03:04:05.000Z",
        time: formatDateTime(createdAt, prefs),
        action: "account.added",
        actor: "owner@example.com",
        actor_id: "usr_1",
        target_type: "AppRegistration",
        target_id: "app_1",
        target: 'Contoso, "EU"\r\nline two',
        ip_address: "198.51.100.7",
        details: '{"mailboxes":["a@example.com","b@example.com"],"note":"say \\"hi\\""}',
      },
      expect.objectContaining({ actor: "system", actor_id: "", target: "" }),
    ]);
  });

  it.each(["=HYPERLINK(\"http://evil\")", "+1", "-1", "@SUM(A1)", "\tcmd", "\rcmd"])("keeps a cell starting like a formula (%j) as text", (label) => {
    const [record] = parse(auditCsvRows([row({ targetLabel: label })], prefs));
    expect(record[7]).toBe(`'${label}`);
  });

  it("leaves a cell that only contains a formula character alone", () => {
    const [record] = parse(auditCsvRows([row({ targetLabel: "a=b+c-d@e" })], prefs));
    expect(record[7]).toBe("a=b+c-d@e");
  });
});
