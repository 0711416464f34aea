import { formatCompact } from "./compact";
import type { LogDestination } from "./create-logger";
import type { LogOutput } from "./settings";

const DESTINATIONS: Record<LogOutput, LogDestination> = {
  json: { write: (line) => void process.stdout.write(line) },
  compact: { write: (line) => void process.stdout.write(formatCompact(line)) },
  none: { write: () => {} },
};

/**
 * The process-wide log destination. It forwards to a replaceable target so tests can capture
 * what the shared logger, and every child made from it, writes.
 */
export function createOutput(output: LogOutput) {
  let current = DESTINATIONS[output];
  return {
    destination: { write: (line: string) => current.write(line) } satisfies LogDestination,
    /** Sends lines to `target` until the returned function is called. */
    redirect(target: LogDestination): () => void {
      const previous = current;
      current = target;
      return () => {
        current = previous;
      };
    },
  };
}
