import { stringify } from "csv-stringify/sync";
import { formatDateTime, type DateTimePreferences } from "@/lib/format/datetime";
import type { AuditRow } from "./list";

const HEADER = ["time_utc", "time", "action", "actor", "actor_id", "target_type", "target_id", "target", "ip_address", "details"];

/**
 * Keeps a cell from being read as a formula when the file is opened in a spreadsheet (a target label
 * such as "=HYPERLINK(...)" stays text). csv-stringify's own `escape_formulas` also prefixes the
 * full-width ＝＋－＠, which would change the file for labels that start with them.
 */
function neutraliseFormula(text: string) {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function auditCsvHeader() {
  return stringify([HEADER], { record_delimiter: "windows" });
}

/** Every field quoted, empty ones too, as the export has always written them. */
export function auditCsvRows(rows: AuditRow[], prefs: DateTimePreferences) {
  const records = rows.map((r) =>
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
    ].map((value) => value ?? ""),
  );
  return stringify(records, { record_delimiter: "windows", quoted: true, quoted_empty: true, cast: { string: neutraliseFormula } });
}
