import { RetryHandlerOptions } from "@microsoft/microsoft-graph-client";
import { retryAfterSeconds } from "@/lib/microsoft/retry-after";
import type { Deadline } from "./deadline";

/** Upper bound of the SDK's own wait when Graph sends no Retry-After (RetryHandler.getDelay). */
const backoffSeconds = (delay: number, attempt: number) => delay + 2 ** (attempt + 1);

function waitSeconds(delay: number, attempt: number, response: Response): number {
  return retryAfterSeconds(response.headers.get("Retry-After")) ?? backoffSeconds(delay, attempt);
}

/**
 * Graph's retry of 429/503/504, but only when the wait fits in what is left of the run: a Retry-After of
 * minutes would otherwise outlast the test, and the throttling answer tells the user more than a timeout.
 */
export function retryWithin(deadline: Deadline): RetryHandlerOptions {
  return new RetryHandlerOptions(undefined, undefined, (delay, attempt, _request, _options, response) =>
    waitSeconds(delay, attempt, response) * 1000 < deadline.remainingMs(),
  );
}
