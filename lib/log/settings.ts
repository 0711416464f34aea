import pino from "pino";

const LEVELS = [...Object.keys(pino.levels.values), "silent"];

export type LogOutput = "json" | "compact" | "none";

export interface LogSettings {
  level: string;
  output: LogOutput;
}

/**
 * Production writes JSON for the log collector at info. Development writes compact lines at
 * debug. Tests log at debug too, so captureLogs sees everything, but print nothing unless
 * LOG_LEVEL is set: the output would drown the test report.
 */
export function logSettings(env: Readonly<Record<string, string | undefined>>): LogSettings {
  const { NODE_ENV } = env;
  const LOG_LEVEL = env.LOG_LEVEL || undefined;
  if (LOG_LEVEL !== undefined && !LEVELS.includes(LOG_LEVEL)) {
    throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(", ")}; got "${LOG_LEVEL}"`);
  }
  if (NODE_ENV === "production") return { level: LOG_LEVEL ?? "info", output: "json" };
  if (NODE_ENV === "test") return { level: LOG_LEVEL ?? "debug", output: LOG_LEVEL ? "compact" : "none" };
  return { level: LOG_LEVEL ?? "debug", output: "compact" };
}
