/**
 * Development output: `12:03:04.567 INFO  message key=value ...`, with an error's stack on the
 * following lines. Works from the finished JSON line so it shows exactly what production
 * would record, redactions included.
 */
export function formatCompact(jsonLine: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(jsonLine);
  } catch {
    return jsonLine;
  }
  // pid and hostname are the same on every line of a dev server: noise.
  const { time, level, msg, pid: _pid, hostname: _hostname, err, ...fields } = entry;
  const clock = typeof time === "string" ? time.slice(11, 23) : "";
  const parts = [clock, String(level ?? "").toUpperCase().padEnd(5), msg === undefined ? "" : String(msg)];
  parts.push(...pairs(fields, ""));

  let stack = "";
  if (isRecord(err)) {
    const { type: _type, message, stack: errStack, ...errFields } = err;
    parts.push(...pairs(errFields, "err."));
    stack = `\n${String(errStack ?? message).replace(/^/gm, "    ")}`;
  } else if (err !== undefined) {
    parts.push(...pairs({ err }, ""));
  }
  return `${parts.filter((part) => part !== "").join(" ")}${stack}\n`;
}

function pairs(fields: Record<string, unknown>, prefix: string): string[] {
  return Object.entries(fields).map(([key, value]) => `${prefix}${key}=${formatValue(value)}`);
}

function formatValue(value: unknown): string {
  return typeof value === "string" && /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
