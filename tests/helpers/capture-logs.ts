import { output } from "@/lib/log/logger";

export interface CapturedLogs {
  /** Each line as written, a JSON object without its trailing newline, after redaction. */
  readonly lines: string[];
  restore(): void;
}

/**
 * For tests: collects what the shared logger writes, e.g. to assert that a canary secret never
 * reaches a log line. Call `restore()` in `afterEach`.
 */
export function captureLogs(): CapturedLogs {
  const lines: string[] = [];
  const restore = output.redirect({ write: (line) => void lines.push(line.trimEnd()) });
  return { lines, restore };
}
