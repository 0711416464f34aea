import { randomBytes } from "node:crypto";
import { logger } from "./logger";

/**
 * Records an unexpected error with its stack and returns a short reference, so the user can be
 * shown "Something went wrong (ref 3f9a0c12d4)" and support can find the full entry.
 */
export function logError(error: unknown, context: Record<string, unknown> = {}): string {
  const errorId = randomBytes(5).toString("hex");
  logger.error({ ...context, err: error, errorId }, "unexpected error");
  return errorId;
}
