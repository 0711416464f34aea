import { formatDateTime, type DateTimePreferences } from "@/lib/format/datetime";
import type { AuditRow } from "./list";

const HEADER = ["time_utc", "time", "action", "actor", "actor_id", "target_type", "target_id", "target", "ip_address", "details"];

/**
 * One CSV field: quoted, and kept from being read as a formula when the file is opened in a
 * spreadsheet (a target label such as "=HYPERLINK(...)" stays text).
 */
function field(value: string | null | undefined) {
  const text = value ?? "";
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

export function auditCsvHeader() {
  return `${HEADER.join(",")}\r\n`;
}

export function auditCsvRows(rows: AuditRow[], prefs: DateTimePreferences) {
  return rows
    .map((r) =>
      [
        r.createdAt.toISOString(),
        formatDateTime(r.createdAt, prefs),
        r.action,
        r.actor?.email ?? "system",
        r.actor?.id,
        r.targetType,
        r.targetId,
        r.targetLabel,
        r.ipAddress,
        JSON.stringify(r.metadata),
      ]
        .map(field)
        .join(","),
    )
    .map((line) => `${line}\r\n`)
    .join("");
}
