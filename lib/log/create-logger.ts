import pino, { type Logger } from "pino";
import { REDACT_PATHS } from "./redact-paths";
import { CENSOR, scrubText } from "./scrub";

export type { Logger };

/** Receives each finished log line: one JSON object ending in a newline. */
export interface LogDestination {
  write(line: string): void;
}

export interface CreateLoggerOptions {
  level?: string;
  destination: LogDestination;
}

/**
 * Two layers, because neither is enough alone: redact paths mask known secret fields whatever
 * their value looks like, and the line scrubber masks secret-shaped values wherever they ended
 * up. Scrubbing the finished line means nothing (messages, interpolated arguments, error stacks,
 * child bindings) can route around it.
 */
export function createLogger({ level = "info", destination }: CreateLoggerOptions): Logger {
  return pino(
    {
      level,
      redact: { paths: [...REDACT_PATHS], censor: CENSOR },
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    { write: (line: string) => destination.write(scrubText(line)) },
  );
}
