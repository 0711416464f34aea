import { env, type EnvSource } from "@/lib/env";

export type LogOutput = "json" | "compact" | "none";

export interface LogSettings {
  level: string;
  output: LogOutput;
}

/**
 * Production writes JSON for the log collector at info. Development writes compact lines at
 * debug. Tests log at debug too, so captureLogs sees everything, but print nothing unless
 * LOG_LEVEL is set: the output would drown the test report. An unknown LOG_LEVEL is refused by
 * name when the variables are parsed (lib/env.ts).
 */
export function logSettings(source?: EnvSource): LogSettings {
  const { NODE_ENV, LOG_LEVEL } = env(source);
  if (NODE_ENV === "production") return { level: LOG_LEVEL ?? "info", output: "json" };
  if (NODE_ENV === "test") return { level: LOG_LEVEL ?? "debug", output: LOG_LEVEL ? "compact" : "none" };
  return { level: LOG_LEVEL ?? "debug", output: "compact" };
}
